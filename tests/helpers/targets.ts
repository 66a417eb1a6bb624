/**
 * Targets of a passage written as a test (the standard wording of a kind of document), and the one of a
 * given value, for the target form tests.
 */
import { expect } from 'vitest';
import type { DocumentMeta, Target } from '../../core/types.ts';
import { extractTargets } from '../../ingest/extract/targets/index.ts';
import { contentHash, structure } from '../../ingest/structure/index.ts';

/** A provincial plan's metadata with the given fields. */
export function planMeta(fields: Partial<DocumentMeta> = {}): DocumentMeta {
  return {
    type: 'Kế hoạch',
    number: '12/KH-UBND',
    issuer: 'Ủy ban nhân dân tỉnh Hà Nam',
    locality: 'Hà Nam',
    province: 'Hà Nam',
    date: '2025-03-10',
    signer: null,
    signerPosition: null,
    effectiveDate: null,
    status: null,
    title: null,
    ...fields,
  };
}

/** The targets `extractTargets` reads from `text` under `meta`. */
export function passageTargets(text: string, meta: DocumentMeta): Target[] {
  const t = text.normalize('NFC');
  const doc = structure({
    parsed: { file: 'passage.txt', format: 'text', text: t, warnings: [] },
    contentHash: contentHash(Buffer.from(t)),
  });
  return extractTargets(doc, meta);
}

/** The target of `value` (or a range starting there); fails the test when there is none. */
export function targetOfValue(ts: readonly Target[], value: number): Target {
  const t = ts.find((x) => x.value === value || x.valueMin === value);
  expect(t, `a target of value ${value}`).toBeDefined();
  return t!;
}
