/**
 * Agency page: the agency with its lineage across the 2025 reorganisation (predecessors and successors,
 * dated, with their legal instrument) and its tasks; a toggle adds the tasks assigned to predecessors,
 * each row saying to whom it was assigned and who holds it now.
 */
import { enc, get } from '../api.js';
import { t } from '../i18n.js';
import { docLink, downloads, empty, errorBox, h, list, loading, mount, section, setTitle } from '../ui.js';
import { sortableTable } from './table.js';

/**
 * @typedef {import('../api-types.d.ts').TaskListItem} TaskListItem
 * @typedef {import('../api-types.d.ts').LineageStep} LineageStep
 */

/** @param {string} key an agency's key */
export const agencyHref = (key) => `#/agencies/${enc(key)}`;

/**
 * @param {HTMLElement} main
 * @param {string} key the agency's key
 * @param {URLSearchParams} params `lineage=true` adds the predecessors' tasks
 */
export async function renderAgency(main, key, params) {
  mount(main, loading());
  let a;
  try {
    a = await get(`agencies/${enc(key)}`);
  } catch (e) {
    mount(main, h('h1', {}, t('agencyTitle')), errorBox(e));
    return;
  }
  const title = [a.name, a.locality].filter(Boolean).join(' ');
  setTitle(title);
  const withLineage = params.get('lineage') === 'true';
  const tasksBox = h('div', { 'aria-live': 'polite' });
  const toggle = h('input', {
    type: 'checkbox',
    id: 'lineage-toggle',
    checked: withLineage,
    onchange: () => {
      history.replaceState(null, '', `${agencyHref(key)}${toggle.checked ? '?lineage=true' : ''}`);
      void loadTasks(toggle.checked);
    },
  });
  mount(
    main,
    h('h1', {}, title),
    a.locality
      ? h('p', {}, `${t('locality')}: `, h('a', { href: `#/localities/${enc(a.locality)}` }, a.locality))
      : null,
    lineageSection(a),
    h(
      'section',
      { 'aria-labelledby': 'agency-tasks-h' },
      h('h2', { id: 'agency-tasks-h' }, t('tasks')),
      h(
        'p',
        { class: 'toggle' },
        toggle,
        ' ',
        h('label', { for: 'lineage-toggle' }, t('includePredecessors')),
      ),
      tasksBox,
    ),
  );

  /** @param {boolean} lineage */
  function loadTasks(lineage) {
    const query = { agency: key, ...(lineage ? { lineage: 'true' } : {}) };
    return section(
      tasksBox,
      () => get('tasks', query),
      (r) =>
        r.items.length
          ? h('div', {}, downloads('tasks', query, 'nhiem-vu'), agencyTasks(r.items, lineage))
          : empty(),
      t('tasks'),
    );
  }
  await loadTasks(withLineage);
}

/**
 * Predecessors and successors of an agency or locality, each step with its date and instrument.
 * @param {{predecessors: LineageStep[], successors: LineageStep[]}} x
 * @param {(id: string) => string} [hrefOf] the link of a step (an agency's page by default)
 */
export function lineageSection(x, hrefOf = (id) => agencyHref(id)) {
  /** @param {LineageStep} s */
  const step = (s) =>
    h(
      'li',
      {},
      h(
        'a',
        { href: hrefOf(s.id) },
        [s.name, s.locality && s.locality !== s.name ? s.locality : null].filter(Boolean).join(' '),
      ),
      ' — ',
      h(
        'span',
        { class: 'muted' },
        `${t('since')} ${s.from} · ${s.instrument}${s.note ? ` (${s.note})` : ''}`,
      ),
    );
  const preds = x.predecessors || [];
  const succs = x.successors || [];
  return h(
    'section',
    { class: 'card lineage', 'aria-labelledby': 'lineage-h' },
    h('h2', { id: 'lineage-h' }, t('lineage')),
    preds.length === 0 && succs.length === 0 ? empty(t('noLineage')) : null,
    preds.length
      ? [h('h3', {}, t('predecessors')), h('ul', { class: 'lineage-list predecessors' }, preds.map(step))]
      : null,
    succs.length
      ? [h('h3', {}, t('successors')), h('ul', { class: 'lineage-list successors' }, succs.map(step))]
      : null,
  );
}

/**
 * @param {TaskListItem[]} items
 * @param {boolean} lineage whether the rows include predecessors' tasks (then say to whom each was assigned)
 */
function agencyTasks(items, lineage) {
  /** @param {TaskListItem} r */
  const assigned = (r) =>
    lineage && r.assignedTo
      ? h(
          'span',
          { class: 'assigned' },
          `${t('assignedTo')} ${r.assignedTo}`,
          r.now && r.now !== r.assignedTo
            ? h('span', { class: 'now' }, `, ${t('nowAgency')} ${r.now}`)
            : null,
        )
      : list(r.lead);
  return sortableTable({
    id: 'agency-tasks-table',
    columns: [
      { key: 'locality', label: t('locality'), value: (r) => r.locality || '' },
      { key: 'title', label: t('task'), value: (r) => r.title },
      {
        key: 'assigned',
        label: lineage ? t('assignedTo') : t('lead'),
        value: (r) => r.assignedTo || list(r.lead),
        cell: assigned,
      },
      { key: 'deadline', label: t('deadline'), value: (r) => r.deadline || '' },
      {
        key: 'source',
        label: t('source'),
        value: (r) => r.documentNumber || r.documentTitle || '',
        cell: (r) =>
          h(
            'a',
            { href: docLink(r.documentId, r.passageId), title: r.documentTitle || '' },
            r.documentNumber || t('source'),
          ),
      },
    ],
    rows: items,
  });
}
