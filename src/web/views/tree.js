/**
 * Implementation tree of a document (#/tree?of=36-NQ/TW): who implements it, then who implements those,
 * with type, number, locality and date on each node and the relation on each edge. Every node opens a
 * page: the document page when it is in the corpus, else what the corpus says about it (#/refs/<key>).
 */
import { enc, get } from '../api.js';
import { t } from '../i18n.js';
import { docLink, downloads, empty, errorBox, go, h, loading, mount, setTitle } from '../ui.js';

/**
 * @typedef {import('../api-types.d.ts').TreeDocument} TreeDocument
 * @typedef {import('../api-types.d.ts').TreeNode} TreeNode
 */

/**
 * Page of a tree node: its corpus document, or the page built from what the corpus says about it.
 * @param {{id?: string | null, key: string}} d
 */
export const nodeHref = (d) => (d.id ? docLink(d.id) : `#/refs/${enc(d.key)}`);

/** @param {string | null | undefined} s */
const short = (s) => (s && s.length > 70 ? `${s.slice(0, 69)}…` : s);
/** @param {TreeDocument} d */
const label = (d) =>
  d.number
    ? [d.type, d.number].join(' ').trim()
    : [d.type, short(d.title)].filter(Boolean).join(': ') || d.key;

/** @param {TreeDocument} d */
function nodeBox(d) {
  return h(
    'span',
    { class: `tree-doc${d.id ? ' in-corpus' : ''}` },
    h('a', { href: nodeHref(d), title: d.title || label(d) }, label(d)),
    d.id ? null : h('span', { class: 'badge muted' }, t('notInCorpus')),
    h('span', { class: 'small muted' }, [d.locality, d.date].filter(Boolean).join(' · ')),
  );
}

/**
 * Nested list of tree nodes (role tree semantics are not needed: it is a plain nested list of links).
 * @param {TreeNode[]} children
 * @returns {HTMLUListElement | null}
 */
export function treeList(children) {
  if (!children.length) return null;
  return h(
    'ul',
    { class: 'impl-tree' },
    children.map((n) =>
      h(
        'li',
        { 'data-key': n.document.key },
        h('span', { class: 'relation small' }, `${t(`relation_${n.relation}`)} ↑`),
        ' ',
        nodeBox(n.document),
        treeList(n.children),
      ),
    ),
  );
}

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params `of`: the document's number; `depth` (4 by default)
 */
export async function renderTree(main, params) {
  setTitle(t('treeTitle'));
  const of = params.get('of') || '';
  const depth = params.get('depth') || '4';
  const input = h('input', { id: 'tree-of', name: 'of', value: of, placeholder: '36-NQ/TW', required: true });
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        go('tree', { of: input.value.trim(), depth });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'tree-of' }, t('treeOf')), input),
    h(
      'div',
      { class: 'field' },
      h('span', { class: 'label-spacer', 'aria-hidden': 'true' }, ' '),
      h('button', { type: 'submit' }, t('show')),
    ),
  );
  const body = h('div', { id: 'tree-body', 'aria-live': 'polite' });
  mount(main, h('h1', {}, t('treeTitle')), form, body);
  if (!of) return;
  mount(body, loading());
  try {
    const tree = await get(`documents/${enc(of)}/implementers`, { depth });
    mount(
      body,
      h('p', { class: 'tree-root' }, nodeBox(tree.root)),
      downloads(`documents/${enc(of)}/implementers`, { depth }, 'cay-thuc-hien'),
      tree.children.length ? treeList(tree.children) : empty(t('noImplementers')),
    );
  } catch (e) {
    mount(body, errorBox(e));
  }
}
