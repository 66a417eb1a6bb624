import { describe, expect, it } from 'vitest';
import {
  buildImplementationTree,
  type TreeDocument,
  type TreeNode,
} from '../../graph/implementation-tree.ts';

const doc = (key: string, id: string | null = null): TreeDocument => ({
  key,
  id,
  number: key.startsWith('doc:') ? null : key.split('@')[0]!,
  type: null,
  title: null,
  issuer: null,
  date: null,
  locality: key.includes('@') ? key.split('@')[1]! : null,
});
const edge = (child: string, parent: string, childId: string | null = null) => ({
  child: doc(child, childId),
  parent: doc(parent),
  passageId: childId ? `${childId}:p1` : null,
  raw: null,
});
const shape = (nodes: TreeNode[]): unknown =>
  nodes.map((n) => (n.children.length ? { [n.document.key]: shape(n.children) } : n.document.key));

describe('implementation tree', () => {
  // 36-NQ/TW ← 189/NQ-CP; 36 ← 64-CTr/TU@Bình Thuận; plan ← {36, 189, 64}; 255/KH-UBND ← {36}
  const edges = [
    edge('189/NQ-CP', '36-NQ/TW'),
    edge('64-CTr/TU@Bình Thuận', '36-NQ/TW'),
    edge('doc:bt', '36-NQ/TW', 'bt'),
    edge('doc:bt', '189/NQ-CP', 'bt'),
    edge('doc:bt', '64-CTr/TU@Bình Thuận', 'bt'),
    edge('255/KH-UBND@Hải Phòng', '36-NQ/TW', 'hp'),
  ];

  it('hangs a plan under its most specific parents, not under the root it also names (by locality, date)', () => {
    const tree = buildImplementationTree(['36-NQ/TW'], edges, 4);
    expect(shape(tree)).toEqual([
      { '189/NQ-CP': ['doc:bt'] },
      { '64-CTr/TU@Bình Thuận': ['doc:bt'] },
      '255/KH-UBND@Hải Phòng',
    ]);
    const plan = tree[0]!.children[0]!;
    expect(plan.document.id).toBe('bt');
    expect(plan.passageId).toBe('bt:p1');
    expect(plan.relation).toBe('IMPLEMENTS');
  });

  it('stops at the depth asked for and survives cycles', () => {
    expect(shape(buildImplementationTree(['36-NQ/TW'], edges, 1))).toEqual([
      '189/NQ-CP',
      '64-CTr/TU@Bình Thuận',
      '255/KH-UBND@Hải Phòng',
    ]);
    const cyclic = [...edges, edge('36-NQ/TW', '189/NQ-CP'), edge('189/NQ-CP', '64-CTr/TU@Bình Thuận')];
    const tree = buildImplementationTree(['36-NQ/TW'], cyclic, 6);
    const keys = JSON.stringify(shape(tree));
    expect(keys).toContain('doc:bt');
    expect(keys).not.toContain('"36-NQ/TW"');
  });
});
