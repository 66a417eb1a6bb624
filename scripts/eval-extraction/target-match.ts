import type { Target } from '../../core/types.ts';
import { agencyKey } from '../../ingest/extract/agencies/index.ts';
import type { GoldenTarget } from './goldens.ts';

/**
 * A simple target matcher, used until the targets extractor ships its own: same value or range, same
 * unit and year, and every word of the golden subject or of its indicator in the
 * extracted target's subject, indicator or sentence.
 */
export function sameTarget(g: GoldenTarget, t: Target): boolean {
  const extra = t as Target & { subject?: string | null };
  const text = agencyKey(`${extra.subject ?? ''} ${t.indicator} ${t.text}`);
  const named = (s: string | undefined): boolean =>
    s !== undefined &&
    agencyKey(s)
      .split(' ')
      .every((w) => text.includes(w));
  return (
    g.value === t.value &&
    g.valueMin === t.valueMin &&
    g.valueMax === t.valueMax &&
    (g.unit ?? null) === (t.unit ?? null) &&
    g.year === t.year &&
    (named(g.subject) || named(g.indicator))
  );
}
