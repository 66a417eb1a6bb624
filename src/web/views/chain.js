/**
 * Implementation chain of a document (e.g. 36-NQ/TW → 189/NQ-CP → provincial programme → this plan),
 * computed from the IMPLEMENTS references of the document (with what the texts say those documents
 * implement) and of referenced documents in the corpus. BASED_ON (legal bases) is not part of it.
 */
import { get } from '../api.js';
import { t } from '../i18n.js';
import { docLink, h } from '../ui.js';

/**
 * @typedef {import('../api-types.d.ts').DocumentDetail} DocumentDetail
 * @typedef {import('../api-types.d.ts').DocumentReference} DocumentReference
 * @typedef {Pick<DocumentReference, 'key' | 'type' | 'issuer' | 'date' | 'documentId'> & {number: string | null}} ChainRef
 */

/**
 * Hierarchy level of an issuing body: Party centre, Government, ministries, provincial Party, HĐND, UBND.
 * @param {{key?: string | null, number?: string | null, issuer?: string | null}} ref
 */
export function rank(ref) {
  const s = `${ref.key || ''} ${ref.number || ''}`;
  const issuer = ref.issuer || '';
  if (/[-/]TW\b/.test(s) || /Bộ Chính trị|Trung ương|Ban Bí thư/i.test(issuer)) return 0;
  if (/QH\d*\b/.test(s) || /Quốc hội/i.test(issuer)) return 0.5;
  if (/-CP\b|-TTg\b/.test(s) || /Chính phủ|Thủ tướng/i.test(issuer)) return 1;
  if (/^Bộ /.test(issuer) || /-B[A-ZĐ]{2,}/.test(s)) return 2;
  if (/[-/]TU\b|[-/]TU@/.test(s) || /Tỉnh ủy|Thành ủy|Tỉnh uỷ|Thành uỷ/i.test(issuer)) return 3;
  if (/HĐND/.test(s) || /Hội đồng nhân dân/i.test(issuer)) return 4;
  return 5;
}

/**
 * Collects the chain: this document's IMPLEMENTS refs and their links, plus, for refs in the corpus, theirs (depth ≤ 3).
 * @param {DocumentDetail} doc
 * @returns {Promise<ChainRef[][]>} the documents by level, highest first
 */
export async function computeChain(doc) {
  /** @type {Map<string, ChainRef>} */
  const nodes = new Map();
  const seen = new Set([doc.id]);
  /**
   * @param {DocumentDetail} d
   * @param {number} depth
   */
  async function visit(d, depth) {
    const refs = (d.references || []).filter((r) => r.relation === 'IMPLEMENTS');
    for (const r of refs) if (!nodes.has(r.key)) nodes.set(r.key, r);
    // What the implemented documents are said to implement ("Chương trình 64-CTr/TU … thực hiện Nghị quyết 36-NQ/TW").
    for (const m of refs.flatMap((r) => r.implements || [])) if (!nodes.has(m.key)) nodes.set(m.key, m);
    if (depth >= 3) return;
    const inCorpus = refs.flatMap((r) => (r.documentId && !seen.has(r.documentId) ? [r.documentId] : []));
    for (const id of inCorpus) seen.add(id);
    const docs = await Promise.all(
      inCorpus.map((id) => get(`documents/${encodeURIComponent(id)}`).catch(() => null)),
    );
    for (const sub of docs) if (sub) await visit(sub, depth + 1);
  }
  await visit(doc, 0);
  /** @type {Map<number, ChainRef[]>} */
  const levels = new Map();
  for (const r of nodes.values()) {
    const k = rank(r);
    if (!levels.has(k)) levels.set(k, []);
    levels.get(k)?.push(r);
  }
  return [...levels.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, refs]) => refs.sort((a, b) => String(a.date || '').localeCompare(String(b.date || ''))));
}

/** @param {ChainRef} ref */
function box(ref) {
  const label = h('strong', {}, ref.number || ref.key);
  return h(
    'div',
    { class: `chain-box${ref.documentId ? ' in-corpus' : ''}` },
    h(
      'a',
      { href: ref.documentId ? docLink(ref.documentId) : `#/refs/${encodeURIComponent(ref.key)}` },
      label,
    ),
    h('div', { class: 'small' }, [ref.type, ref.issuer].filter(Boolean).join(' · ')),
    ref.date ? h('div', { class: 'small muted' }, ref.date) : null,
  );
}

/**
 * @param {ChainRef[][]} levels
 * @param {DocumentDetail} doc
 */
export function chainView(levels, doc) {
  if (levels.length === 0) return h('p', { class: 'state empty' }, t('noChain'));
  const self = h(
    'div',
    { class: 'chain-box self', 'aria-current': 'page' },
    h('strong', {}, doc.number || t('thisDoc')),
    h('div', { class: 'small' }, [doc.type, doc.issuer].filter(Boolean).join(' · ')),
    doc.date ? h('div', { class: 'small muted' }, doc.date) : null,
  );
  return h(
    'ol',
    { class: 'chain', 'aria-label': t('chain') },
    levels.map((refs) => h('li', { class: 'chain-level' }, refs.map(box))),
    h('li', { class: 'chain-level' }, self),
  );
}
