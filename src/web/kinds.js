/**
 * Node kinds and their names in both languages, from their one definition (core/vocab/node-kinds.ts),
 * which the server lists at GET /api/graph/kinds. The page keeps no copy of its own.
 */
import { cached } from './api.js';
import { getLang } from './i18n.js';

/**
 * @typedef {import('./api-types.d.ts').NodeKind} NodeKind
 * @typedef {{order: NodeKind[], label: (kind: NodeKind) => string}} Kinds
 */

/**
 * The kinds in display order and a kind's name in the page's current language (the kind itself when the
 * server could not list them).
 * @returns {Promise<Kinds>}
 */
export async function loadKinds() {
  const items = await cached('graph/kinds').then(
    (r) => r.items,
    () => [],
  );
  const names = new Map(items.map((k) => [k.kind, k]));
  return {
    order: items.map((k) => k.kind),
    label: (kind) => {
      const k = names.get(kind);
      return k ? (getLang() === 'en' ? k.en : k.vi) : kind;
    },
  };
}
