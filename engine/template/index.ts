// Template registry: which format applies to which report year.
import type { TemplateVersion } from '../model.ts';

export { TEMPLATES } from './registry.ts';

/** The version a report year must use; null for years before the 2019 format. */
export function expectedVersion(year: number | undefined): TemplateVersion | null {
  if (year === undefined) return null;
  if (year >= 2021) return '2021';
  if (year >= 2019) return '2019';
  return null;
}

export * from './shared.ts';
export type * from './types.ts';
export * from './totals.ts';
