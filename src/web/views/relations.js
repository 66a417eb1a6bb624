/**
 * A document's attributes ("thuộc tính": number, type, issuer, signer and office, dates, validity) and its
 * "lược đồ": the documents it is based on, implements, amends, replaces, repeals, guides and cites, and
 * the documents of the corpus that do so to it, each with the clause that states the relation.
 */
import { t } from '../i18n.js';
import { docLink, empty, h } from '../ui.js';

/**
 * @typedef {import('../api-types.d.ts').DocumentDetail} DocumentDetail
 * @typedef {import('../api-types.d.ts').DocumentReference} DocumentReference
 * @typedef {DocumentDetail['implementedBy'][number]} ActingDocument
 * @typedef {'basisOf' | 'implementedBy' | 'amendedBy' | 'replacedBy' | 'repealedBy' | 'guidedBy' | 'citedBy'} InverseField
 * @typedef {{label: string, attrs: import('../ui-types.d.ts').Attrs, items: HTMLLIElement[]}} RelationGroup
 */

export const RELATION_TYPES = ['BASED_ON', 'IMPLEMENTS', 'AMENDS', 'REPLACES', 'REPEALS', 'GUIDES', 'CITES'];

/**
 * Field of the single document holding the inverse relation.
 * @type {Record<string, InverseField>}
 */
const INVERSE = {
  BASED_ON: 'basisOf',
  IMPLEMENTS: 'implementedBy',
  AMENDS: 'amendedBy',
  REPLACES: 'replacedBy',
  REPEALS: 'repealedBy',
  GUIDES: 'guidedBy',
  CITES: 'citedBy',
};

/**
 * Validity as the corpus shows it, with a link to the document that amended, replaced or repealed it.
 * @param {DocumentDetail} doc
 */
function statusCell(doc) {
  if (!doc.status) return h('span', { class: 'muted' }, t('statusUnknown'));
  const by = doc.statusBy;
  return h(
    'span',
    { class: `status status-${doc.status}`, 'data-status': doc.status },
    t(`status_${doc.status}`),
    by ? [' ', t('statusBy'), ' ', h('a', { href: docLink(by.id) }, by.number || by.id)] : null,
  );
}

/**
 * The attribute grid of the document page.
 * @param {DocumentDetail} doc
 */
export function attributes(doc) {
  const signer = doc.signer
    ? [doc.signer, doc.signerPosition ? ` (${doc.signerPosition})` : ''].join('')
    : null;
  /** @type {[string, string | number | Node | null | undefined][]} */
  const rows = [
    ['number', doc.number],
    ['type', doc.type],
    ['issuer', doc.issuer],
    ['signer', signer],
    ['date', doc.date],
    ['effectiveDate', doc.effectiveDate],
    ['status', statusCell(doc)],
    ['locality', doc.locality || doc.province],
    ['file', doc.file],
    ['tasks', doc.taskCount],
    ['targets', doc.targetCount],
    ['passagesCount', doc.passageCount],
  ];
  /** @param {string | number | Node | null | undefined} v */
  const value = (v) =>
    v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? v : String(v);
  return h(
    'section',
    { 'aria-label': t('metadata'), class: 'card' },
    h(
      'dl',
      { class: 'meta-grid' },
      rows.map(([k, v]) => h('div', { 'data-field': k }, h('dt', {}, t(k)), h('dd', {}, value(v)))),
    ),
  );
}

/** @param {string | null | undefined} text */
const evidence = (text) =>
  text ? h('q', { class: 'evidence small muted', title: t('evidence') }, text) : null;

/**
 * @param {DocumentReference} r
 * @param {import('../ui-types.d.ts').PassageLink} passageLink
 */
function outgoingItem(r, passageLink) {
  return h(
    'li',
    {},
    // A document outside the corpus opens its reference page (how the corpus cites and implements it).
    h(
      'a',
      { href: r.documentId ? docLink(r.documentId) : `#/refs/${encodeURIComponent(r.key)}` },
      r.number || r.key,
    ),
    r.documentId ? h('span', { class: 'badge' }, t('inCorpus')) : null,
    r.partial && r.relation === 'REPEALS' ? h('span', { class: 'badge' }, t('partial')) : null,
    ' ',
    h('span', { class: 'muted' }, [r.type, r.issuer, r.date].filter(Boolean).join(' · ')),
    ' ',
    passageLink(r.passageId, `(${t('source')})`),
    evidence(r.evidence),
  );
}

/** @param {ActingDocument} o */
function incomingItem(o) {
  return h(
    'li',
    {},
    h(
      'a',
      { href: docLink(o.id, o.passageId) },
      [o.type, o.number].filter(Boolean).join(' ') || o.title || o.id,
    ),
    ' ',
    h('span', { class: 'muted' }, [o.issuer, o.date].filter(Boolean).join(' · ')),
    evidence(o.evidence),
  );
}

/**
 * One column of the "lược đồ": non-empty relation groups, in the order of RELATION_TYPES.
 * @param {string} title
 * @param {RelationGroup[]} groups
 */
function column(title, groups) {
  const shown = groups.filter((g) => g.items.length > 0);
  return h(
    'div',
    { class: 'ref-col' },
    h('h3', {}, title),
    shown.length === 0
      ? empty(t('noRelations'))
      : shown.map((g) => h('div', { class: 'ref-group' }, h('h4', {}, g.label), h('ul', g.attrs, g.items))),
  );
}

/**
 * The "lược đồ" section: this document's relations (left) and the corpus documents related to it (right).
 * @param {DocumentDetail} doc
 * @param {import('../ui-types.d.ts').PassageLink} passageLink
 */
export function relationsView(doc, passageLink) {
  const refs = doc.references || [];
  /** @type {RelationGroup[]} */
  const out = RELATION_TYPES.map((rel) => ({
    label: t(`relOut_${rel}`),
    attrs: { class: 'refs', 'data-relation': rel },
    items: refs.filter((r) => r.relation === rel).map((r) => outgoingItem(r, passageLink)),
  }));
  /** @type {RelationGroup[]} */
  const inc = RELATION_TYPES.map((rel) => ({
    label: t(`relIn_${rel}`),
    attrs: { class: 'refs', 'data-inverse': rel },
    items: (doc[INVERSE[rel]] || []).map(incomingItem),
  }));
  return h(
    'section',
    { 'aria-labelledby': 'refs-h', class: 'schema' },
    h('h2', { id: 'refs-h' }, t('schema')),
    h('div', { class: 'ref-cols' }, column(t('schemaOut'), out), column(t('schemaIn'), inc)),
  );
}
