import type { AgencyRef, Task } from '../../../core/types.ts';
import { dedupeAgencies } from './resolve.ts';

/**
 * Agencies extractor: names, gazetteer lookup and resolution (`names.ts`, `resolve.ts`), splitting a cell
 * or clause into bodies (`split.ts`), the agency an item opens with (`lead.ts`).
 */
export {
  agencyKey,
  cleanAgencyName,
  expandAbbreviations,
  isGroupName,
  knownAgency,
  startsWithAgencyHead,
} from './names.ts';
export { dedupeAgencies, resolveAgency } from './resolve.ts';
export { expandSharedHead, splitAgencies } from './split.ts';
export { allOrganisations, isOrganisation } from './validate.ts';
export { coordinatingPhrase, leadingAgency, sentenceCase, type LeadingAgency } from './lead.ts';

/** Every agency the tasks name as lead or coordinating, one per key, in order of first mention. */
export function extractAgencies(tasks: readonly Task[]): AgencyRef[] {
  return dedupeAgencies(tasks.flatMap((t) => [...t.lead, ...t.coordinating]));
}
