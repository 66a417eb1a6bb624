/**
 * Page of a referenced document that may not be in the corpus (#/refs/<key>): number, type, issuer and
 * date as cited, what it implements, and which corpus documents implement, cite or are based on it.
 */
import { enc, get } from '../api.js';
import { t } from '../i18n.js';
import { docLink, empty, errorBox, h, loading, mount, setTitle } from '../ui.js';
import { nodeHref, treeList } from './tree.js';

/** @param {{type?: string | null, number?: string | null, key: string}} d */
const label = (d) => [d.type, d.number].filter(Boolean).join(' ') || d.key;

/**
 * @param {HTMLElement} main
 * @param {string} key the referenced document's number key
 */
export async function renderRef(main, key) {
  mount(main, loading());
  let d;
  try {
    d = await get(`references/${enc(key)}`);
  } catch (e) {
    mount(main, h('h1', {}, t('refTitle')), errorBox(e));
    return;
  }
  if (d.documentId) {
    location.replace(docLink(d.documentId));
    return;
  }
  setTitle(label(d));
  /** @type {[string, string | null][]} */
  const rows = [
    ['type', d.type],
    ['number', d.number],
    ['issuer', d.issuer],
    ['date', d.date],
  ];
  /** @type {Map<string, import('../api-types.d.ts').LegalDocumentRow['mentions']>} */
  const byRelation = new Map();
  for (const m of d.mentions || []) {
    if (!byRelation.has(m.relation)) byRelation.set(m.relation, []);
    byRelation.get(m.relation)?.push(m);
  }
  const treeBox = h('div', { 'aria-live': 'polite' }, loading());
  mount(
    main,
    h('h1', {}, label(d)),
    h('p', { class: 'note' }, t('refNote')),
    h(
      'section',
      { class: 'card' },
      h(
        'dl',
        { class: 'meta-grid' },
        rows.map(([k, v]) => h('div', {}, h('dt', {}, t(k)), h('dd', {}, v || '—'))),
      ),
    ),
    d.implements.length
      ? [
          h('h2', {}, t('implementsRef')),
          h(
            'ul',
            {},
            d.implements.map((m) =>
              h('li', {}, h('a', { href: nodeHref({ ...m, id: m.documentId }) }, label(m))),
            ),
          ),
        ]
      : null,
    [...byRelation.entries()].map(([rel, ms]) => [
      h('h2', {}, rel === 'IMPLEMENTS' ? t('implementedBy') : rel === 'CITES' ? t('citedBy') : rel),
      h(
        'ul',
        { class: 'mentions', 'data-relation': rel },
        ms.map((m) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: docLink(m.documentId), title: m.title || '' },
              [m.type, m.number].filter(Boolean).join(' ') || m.title,
            ),
            ' ',
            h('span', { class: 'muted' }, [m.locality, m.date].filter(Boolean).join(' · ')),
            m.raw
              ? h(
                  'div',
                  { class: 'small' },
                  `${t('asCited')}: `,
                  h('a', { href: docLink(m.documentId, m.passageId) }, m.raw),
                )
              : null,
          ),
        ),
      ),
    ]),
    h('h2', {}, t('tree')),
    treeBox,
  );
  try {
    const tree = await get(`documents/${enc(d.key)}/implementers`);
    mount(treeBox, tree.children.length ? treeList(tree.children) : empty(t('noImplementers')));
  } catch (e) {
    mount(treeBox, errorBox(e));
  }
}
