/** Document page: attributes, implementation chain, section tree, tasks, targets, lược đồ, passages. */
import { cached, get } from '../api.js';
import { fieldLabel, t } from '../i18n.js';
import {
  docLink,
  downloads,
  empty,
  errorBox,
  h,
  list,
  loading,
  mount,
  noMarkdown,
  section,
  setTitle,
} from '../ui.js';
import { chainView, computeChain } from './chain.js';
import { attributes, relationsView } from './relations.js';
import { sortableTable } from './table.js';

/**
 * @typedef {import('../api-types.d.ts').DocumentPassage} DocumentPassage
 * @typedef {import('../api-types.d.ts').SectionRow} SectionRow
 * @typedef {import('../api-types.d.ts').TaskListItem} TaskListItem
 * @typedef {import('../api-types.d.ts').TargetRow} TargetRow
 * @typedef {import('../ui-types.d.ts').PassageLink} PassageLink
 */

/**
 * @param {HTMLElement} main
 * @param {string} id the document's id
 * @param {URLSearchParams} params `passage` scrolls to that passage
 */
export async function renderDocument(main, id, params) {
  mount(main, loading());
  let doc;
  try {
    doc = await get(`documents/${encodeURIComponent(id)}`);
  } catch (e) {
    mount(
      main,
      h('h1', {}, t('documentsTitle')),
      errorBox(e),
      h('p', {}, h('a', { href: '#/documents' }, `← ${t('documentsTitle')}`)),
    );
    return;
  }
  setTitle(doc.number || doc.title);
  const fields = await cached('fields')
    .then((r) => new Map(r.items.map((f) => [f.slug, f])))
    .catch(() => new Map());
  /** @param {string[] | null | undefined} slugs */
  const fieldNames = (slugs) => (slugs || []).map((s) => fieldLabel(fields.get(s)) || s).join(', ');
  const passages = [...(doc.passages || [])].sort((a, b) => a.ordinal - b.ordinal);

  /**
   * @param {string} pid
   * @param {boolean} [focus]
   */
  function showPassage(pid, focus = true) {
    const el = document.getElementById(`p-${pid}`);
    if (!el) return;
    for (const old of main.querySelectorAll('.passage.hit')) old.classList.remove('hit');
    el.classList.add('hit');
    el.scrollIntoView({ block: 'center' });
    if (focus) el.focus({ preventScroll: true });
  }
  /** @type {PassageLink} */
  const passageLink = (pid, label) =>
    pid
      ? h(
          'a',
          {
            href: docLink(doc.id, pid),
            onclick: (e) => {
              e.preventDefault();
              history.replaceState(null, '', docLink(doc.id, pid));
              showPassage(pid);
            },
          },
          label,
        )
      : '';

  const chainBox = h('div', { class: 'chain-wrap' }, loading());
  const tasksBox = h('div');
  const targetsBox = h('div');
  mount(
    main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/documents' }, `← ${t('documentsTitle')}`)),
    h(
      'h1',
      { class: 'doc-title' },
      [doc.type, doc.number].filter(Boolean).join(' ') || doc.file,
      h('span', { class: 'subtitle' }, doc.title),
    ),
    attributes(doc),
    h(
      'section',
      { 'aria-labelledby': 'chain-h', class: 'card' },
      h('h2', { id: 'chain-h' }, t('chain')),
      chainBox,
    ),
    h(
      'div',
      { class: 'doc-layout' },
      h(
        'nav',
        { class: 'toc', 'aria-labelledby': 'toc-h' },
        h('h2', { id: 'toc-h' }, t('sectionTree')),
        sectionTree(doc.sections || [], passages, passageLink),
      ),
      h(
        'div',
        { class: 'doc-body' },
        h(
          'section',
          { 'aria-labelledby': 'tasks-h' },
          h('h2', { id: 'tasks-h' }, t('tasks'), ` (${doc.taskCount ?? 0})`),
          tasksBox,
        ),
        h(
          'section',
          { 'aria-labelledby': 'targets-h' },
          h('h2', { id: 'targets-h' }, t('targets'), ` (${doc.targetCount ?? 0})`),
          targetsBox,
        ),
        relationsView(doc, passageLink),
        h(
          'section',
          { 'aria-labelledby': 'passages-list-h' },
          h('h2', { id: 'passages-list-h' }, t('passagesCount'), ` (${passages.length})`),
          h(
            'ol',
            { class: 'passages' },
            passages.map((p) => passageItem(p)),
          ),
        ),
      ),
    ),
  );
  const pid = params.get('passage');
  if (pid) showPassage(pid);

  void section(
    tasksBox,
    () => get('tasks', { document: doc.id }),
    (r) =>
      r.items.length
        ? h(
            'div',
            {},
            downloads('tasks', { document: doc.id }, 'nhiem-vu'),
            tasksTable(r.items, fieldNames, passageLink),
          )
        : empty(),
    t('tasks'),
  );
  void section(
    targetsBox,
    () => get('targets', { document: doc.id }),
    (r) =>
      r.items.length
        ? h(
            'div',
            {},
            downloads('targets', { document: doc.id }, 'chi-tieu'),
            targetsTable(r.items, passageLink),
          )
        : empty(),
    t('targets'),
  );
  void section(
    chainBox,
    () => computeChain(doc),
    (levels) => chainView(levels, doc),
    t('chain'),
  );
}

/**
 * The document's sections as nested lists (open to level 1), each linking to its first passage.
 * @param {SectionRow[]} sections
 * @param {DocumentPassage[]} passages
 * @param {PassageLink} passageLink
 */
function sectionTree(sections, passages, passageLink) {
  /** @type {Map<string, SectionRow[]>} */
  const children = new Map();
  for (const s of sections) {
    const k = s.parentId || '';
    if (!children.has(k)) children.set(k, []);
    children.get(k)?.push(s);
  }
  for (const c of children.values()) c.sort((a, b) => a.ordinal - b.ordinal);
  /** @param {SectionRow} s */
  const first = (s) =>
    passages.find((p) => p.sectionId === s.id) || passages.find((p) => p.start >= s.start && p.start < s.end);
  /** @param {SectionRow} s */
  const label = (s) => [s.marker, s.heading].filter(Boolean).join('. ') || '—';
  /** @type {(s: SectionRow) => HTMLLIElement} */
  const node = (s) => {
    const kids = children.get(s.id) || [];
    const p = first(s);
    const link = p ? passageLink(p.id, label(s)) : h('span', {}, label(s));
    if (kids.length === 0) return h('li', {}, link);
    return h(
      'li',
      {},
      h('details', { open: s.level <= 1 }, h('summary', {}, link), h('ul', {}, kids.map(node))),
    );
  };
  const roots = sections.filter((s) => !s.parentId);
  const top = roots.flatMap((r) => (r.level === 0 ? children.get(r.id) || [] : [r]));
  if (top.length === 0) return empty();
  return h('ul', { class: 'tree' }, top.map(node));
}

/**
 * @param {TaskListItem[]} items
 * @param {(slugs: string[]) => string} fieldNames
 * @param {PassageLink} passageLink
 */
function tasksTable(items, fieldNames, passageLink) {
  /** @param {string[]} names */
  const agencies = (names) => list(names);
  return sortableTable({
    id: 'tasks-table',
    initial: null,
    columns: [
      { key: 'row', label: t('row'), value: (r) => r.row ?? '', className: 'num' },
      {
        key: 'title',
        label: t('task'),
        value: (r) => r.title,
        cell: (r) => h('span', {}, r.title, r.group ? h('div', { class: 'small muted' }, r.group) : null),
      },
      { key: 'lead', label: t('lead'), value: (r) => agencies(r.lead) },
      { key: 'coordinating', label: t('coordinating'), value: (r) => agencies(r.coordinating) },
      { key: 'deadline', label: t('deadline'), value: (r) => r.deadline || '' },
      { key: 'product', label: t('product'), value: (r) => r.product || '' },
      { key: 'fields', label: t('fields'), value: (r) => fieldNames(r.fields) },
      {
        key: 'source',
        label: t('source'),
        value: (r) => r.passageId || '',
        cell: (r) => passageLink(r.passageId, t('source')),
      },
    ],
    rows: items,
  });
}

/**
 * @param {TargetRow[]} items
 * @param {PassageLink} passageLink
 */
function targetsTable(items, passageLink) {
  return sortableTable({
    id: 'doc-targets-table',
    columns: [
      {
        key: 'indicator',
        label: t('indicator'),
        value: (r) => r.indicator || r.text,
        cell: (r) => h('span', { title: r.text || '' }, r.indicator || r.text),
      },
      {
        key: 'value',
        label: t('value'),
        value: (r) => r.value ?? r.valueMax ?? r.valueMin,
        cell: (r) => targetValue(r),
        className: 'num',
      },
      { key: 'year', label: t('year'), value: (r) => r.year ?? '', className: 'num' },
      {
        key: 'source',
        label: t('source'),
        value: (r) => r.passageId || '',
        cell: (r) => passageLink(r.passageId, t('source')),
      },
    ],
    rows: items,
  });
}

/**
 * A target's value as written: comparator sign, value or range, unit.
 * @param {Pick<TargetRow, 'value' | 'valueMin' | 'valueMax' | 'comparator' | 'unit'>} r
 */
export function targetValue(r) {
  const v =
    r.value ??
    (r.valueMin !== null && r.valueMin !== undefined && r.valueMax !== null && r.valueMax !== undefined
      ? `${r.valueMin}–${r.valueMax}`
      : (r.valueMax ?? r.valueMin));
  /** @type {Record<string, string>} */
  const signs = { '>=': '≥', '<=': '≤', '~': '≈', '=': '' };
  const sign =
    (r.comparator !== null && Object.hasOwn(signs, r.comparator) ? signs[r.comparator] : null) ??
    r.comparator;
  return [sign, v, r.unit].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
}

/** @param {DocumentPassage} p */
function passageItem(p) {
  return h(
    'li',
    { class: 'passage', id: `p-${p.id}`, tabindex: '-1' },
    h(
      'div',
      { class: 'small muted' },
      [p.sectionPath ? p.sectionPath.replace(/\*\*/g, '') : null, p.page ? `${t('page')} ${p.page}` : null]
        .filter(Boolean)
        .join(' · ') || '—',
    ),
    h('p', { class: 'passage-text' }, noMarkdown(p.text)),
  );
}
