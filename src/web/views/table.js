/** A table whose column headers are buttons that sort it (aria-sort tells assistive tech the order). */
import { h, mount } from '../ui.js';

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/**
 * Sort order of two cell values: empty last, numbers by value, text in Vietnamese order.
 * @param {unknown} a
 * @param {unknown} b
 */
function compare(a, b) {
  const ea = a === null || a === undefined || a === '';
  const eb = b === null || b === undefined || b === '';
  if (ea || eb) return ea && eb ? 0 : ea ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * columns: [{key, label, value(row) → sortable value, cell(row) → node|string, className}]
 * Clicking a header sorts by it; clicking again reverses the order.
 * @template R
 * @param {{id?: string, caption?: string, columns: import('../ui-types.d.ts').Column<R>[], rows: R[], initial?: string | null}} table
 */
export function sortableTable({ id, caption, columns, rows, initial }) {
  /** @type {string | null} */
  let sortKey = initial || null;
  let dir = 1;
  const table = h('table', { class: 'data sortable', id });
  const draw = () => {
    const col = columns.find((c) => c.key === sortKey);
    const sorted = col ? [...rows].sort((a, b) => dir * compare(col.value(a), col.value(b))) : rows;
    mount(
      table,
      caption ? h('caption', {}, caption) : null,
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) =>
            h(
              'th',
              {
                scope: 'col',
                class: c.className,
                'aria-sort': c.key === sortKey ? (dir > 0 ? 'ascending' : 'descending') : 'none',
              },
              h(
                'button',
                {
                  type: 'button',
                  class: 'sort',
                  'data-key': c.key,
                  onclick: () => {
                    dir = sortKey === c.key ? -dir : 1;
                    sortKey = c.key;
                    draw();
                    const btn = table.querySelector(`button[data-key="${c.key}"]`);
                    if (btn instanceof HTMLElement) btn.focus();
                  },
                },
                c.label,
                h(
                  'span',
                  { class: 'sort-icon', 'aria-hidden': 'true' },
                  c.key === sortKey ? (dir > 0 ? ' ▲' : ' ▼') : ' ↕',
                ),
              ),
            ),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        sorted.map((r) =>
          h(
            'tr',
            {},
            columns.map((c) =>
              h('td', { class: c.className }, c.cell ? c.cell(r) : String(c.value(r) ?? '')),
            ),
          ),
        ),
      ),
    );
  };
  draw();
  return h('div', { class: 'table-wrap' }, table);
}
