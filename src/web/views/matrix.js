/**
 * Alignment matrix of a programme (#/matrix?programme=36-NQ/TW): provinces implementing it × policy
 * fields, each cell the number of tasks and targets (a link that lists them below), empty cells
 * highlighted ("who has not assigned marine biotech?"), and the provinces with no implementing plan.
 */
import { get } from '../api.js';
import { getLang, t } from '../i18n.js';
import { docLink, downloads, empty, errorBox, go, h, list, loading, mount, setTitle } from '../ui.js';
import { targetValue } from './document.js';

/**
 * @typedef {import('../api-types.d.ts').MatrixResponse} Matrix
 * @typedef {Matrix['rows'][number]} MatrixRow
 * @typedef {Matrix['columns'][number]} MatrixColumn
 * @typedef {(row: MatrixRow, col: MatrixColumn) => void} OpenCell
 */

/** @param {MatrixColumn} c */
const colLabel = (c) => (getLang() === 'en' ? c.en : c.vi);

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params `programme`: the number of the programme
 */
export async function renderMatrix(main, params) {
  setTitle(t('matrixTitle'));
  const programme = params.get('programme') || '';
  const input = h('input', {
    id: 'programme',
    name: 'programme',
    value: programme,
    placeholder: '36-NQ/TW',
    required: true,
  });
  const form = h(
    'form',
    {
      class: 'filters',
      onsubmit: (e) => {
        e.preventDefault();
        go('matrix', { programme: input.value.trim() });
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'programme' }, t('programme')), input),
    h(
      'div',
      { class: 'field' },
      h('span', { class: 'label-spacer', 'aria-hidden': 'true' }, ' '),
      h('button', { type: 'submit' }, t('show')),
    ),
  );
  const body = h('div', { id: 'matrix-body', 'aria-live': 'polite' });
  const detail = h('section', { id: 'cell-detail', 'aria-live': 'polite' });
  mount(main, h('h1', {}, t('matrixTitle')), form, body, detail);
  if (!programme) return;
  mount(body, loading());
  let m;
  try {
    m = await get('matrix', { programme });
  } catch (e) {
    mount(body, errorBox(e));
    return;
  }
  /** @type {OpenCell} */
  const open = (row, col) => void showCell(detail, row, col);
  mount(
    body,
    h(
      'p',
      {},
      h(
        'a',
        { href: m.programme.id ? docLink(m.programme.id) : `#/refs/${encodeURIComponent(m.programme.key)}` },
        [m.programme.type, m.programme.number].filter(Boolean).join(' '),
      ),
      m.programme.issuer ? ` · ${m.programme.issuer}` : '',
    ),
    downloads('matrix', { programme }, 'ma-tran'),
    m.rows.length ? matrixTable(m, open) : empty(t('noImplementers')),
    missingList(m),
  );
}

/**
 * @param {Matrix} m
 * @param {OpenCell} open lists a cell's tasks and targets
 */
function matrixTable(m, open) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data matrix', id: 'matrix-table' },
      h('caption', { class: 'sr-only' }, t('matrixTitle')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('locality')),
          m.columns.map((c) =>
            h('th', { scope: 'col', class: 'field-col', title: colLabel(c) }, h('span', {}, colLabel(c))),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        m.rows.map((r) =>
          h(
            'tr',
            { 'data-locality': r.locality },
            h(
              'th',
              { scope: 'row' },
              h('a', { href: `#/localities/${encodeURIComponent(r.locality)}` }, r.locality),
              r.now && r.now !== r.locality
                ? h('div', { class: 'small muted' }, `${t('nowAgency')} ${r.now}`)
                : null,
              h(
                'div',
                { class: 'small' },
                r.documents.map((d, i) => [
                  i ? ', ' : '',
                  h('a', { href: docLink(d.id), title: d.title }, d.number || d.type || '…'),
                ]),
              ),
            ),
            m.columns.map((c) => {
              const cell = r.cells[c.slug] || { tasks: 0, targets: 0 };
              const none = cell.tasks === 0 && cell.targets === 0;
              return h(
                'td',
                { class: none ? 'cell empty-cell' : 'cell', 'data-field': c.slug },
                none
                  ? h('span', { title: `${r.locality} · ${colLabel(c)}: ${t('emptyCell')}` }, '—')
                  : h(
                      'a',
                      {
                        href: `#cell-detail`,
                        title: `${r.locality} · ${colLabel(c)}: ${cell.tasks} ${t('cellTasks')}, ${cell.targets} ${t('cellTargets')}`,
                        onclick: (e) => {
                          e.preventDefault();
                          open(r, c);
                        },
                      },
                      `${cell.tasks}`,
                      cell.targets ? h('span', { class: 'muted' }, ` / ${cell.targets}`) : null,
                    ),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

/** @param {Matrix} m */
function missingList(m) {
  if (!m.missingKnown) return null;
  return h(
    'section',
    { 'aria-labelledby': 'missing-h' },
    h('h2', { id: 'missing-h' }, t('missingProvinces'), ` (${m.missing.length})`),
    h(
      'ul',
      { class: 'columns missing' },
      m.missing.map((x) =>
        h(
          'li',
          {},
          x.locality,
          x.predecessors.length
            ? h('span', { class: 'small muted' }, ` (${x.predecessors.join(', ')})`)
            : null,
        ),
      ),
    ),
  );
}

/**
 * @param {HTMLElement} detail
 * @param {MatrixRow} row
 * @param {MatrixColumn} col
 */
async function showCell(detail, row, col) {
  mount(detail, loading());
  try {
    const per = await Promise.all(
      row.documents.map((d) =>
        Promise.all([
          get('tasks', { document: d.id, field: col.slug }),
          get('targets', { document: d.id, field: col.slug }),
        ]),
      ),
    );
    const tasks = per.flatMap(([ts]) => ts.items);
    const targets = per.flatMap(([, gs]) => gs.items);
    mount(
      detail,
      h('h2', { id: 'cell-h', tabindex: '-1' }, `${row.locality} · ${colLabel(col)}`),
      tasks.length
        ? h(
            'ul',
            { class: 'cell-tasks' },
            tasks.map((x) =>
              h(
                'li',
                {},
                x.title,
                h('span', { class: 'muted' }, ` — ${list(x.lead)}${x.deadline ? ` · ${x.deadline}` : ''} `),
                h('a', { href: docLink(x.documentId, x.passageId) }, t('source')),
              ),
            ),
          )
        : null,
      targets.length
        ? h(
            'ul',
            { class: 'cell-targets' },
            targets.map((x) =>
              h(
                'li',
                {},
                x.indicator || x.text,
                ` ${targetValue(x)} `,
                h('a', { href: docLink(x.documentId, x.passageId) }, t('source')),
              ),
            ),
          )
        : null,
      !tasks.length && !targets.length ? empty() : null,
    );
    const heading = detail.querySelector('#cell-h');
    if (heading instanceof HTMLElement) heading.focus();
  } catch (e) {
    mount(detail, errorBox(e));
  }
}
