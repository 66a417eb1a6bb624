/**
 * Classes of target errors fixed on real documents of the dev corpus and of the opened held-out half:
 * numbers that are not the document's own aims, the year a figure belongs to, and aims stated inline.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTargets } from '../../scripts/eval-extraction/target-eval.ts';

const DEV = path.resolve('..', 'shared', 'corpus-dev');
const targets = (file: string) => runTargets(path.join(DEV, file));

describe('targets: numbers that are not aims', () => {
  it('Circular 112/2025/TT-BTC: "chương trình mục tiêu quốc gia" names a programme, not an objective part; its aid rates are no targets', () => {
    expect(targets('tvpl-105-112-2025-TT-BTC.txt')).toEqual([]);
  });
});
