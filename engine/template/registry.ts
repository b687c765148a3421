// The two formats by version.
import type { TemplateVersion } from '../model.ts';
import { Y2019 } from './y2019.ts';
import { Y2021 } from './y2021.ts';
import type { TemplateSpec } from './types.ts';

export const TEMPLATES: Record<TemplateVersion, TemplateSpec> = { '2019': Y2019, '2021': Y2021 };
