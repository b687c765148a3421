// Template registry: which format applies to which report year.
import type { TemplateVersion } from '../model.ts';
import { Y2019 } from './y2019.ts';
import { Y2021 } from './y2021.ts';
import type { TemplateSpec } from './types.ts';

export const TEMPLATES: Record<TemplateVersion, TemplateSpec> = { '2019': Y2019, '2021': Y2021 };

/** The version a report year must use; null for years before the 2019 format. */
export function expectedVersion(year: number | undefined): TemplateVersion | null {
  if (year === undefined) return null;
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return null;
}

export * from './shared.ts';
export type * from './types.ts';
