/** Targets across localities: a filterable table and a hand-made SVG bar chart comparing like indicators. */
import { cached, get } from '../api.js';
import { fieldLabel, getLang, t } from '../i18n.js';
import { docLink, downloads, empty, errorBox, go, h, loading, mount, select, setTitle } from '../ui.js';
import { targetValue } from './document.js';
import { sortableTable } from './table.js';

/**
 * @typedef {import('../api-types.d.ts').TargetRow} TargetRow
 * @typedef {{key: string, label: string, unit: string, items: TargetRow[]}} IndicatorGroup
 */

/** @param {TargetRow} r */
const num = (r) => r.value ?? r.valueMax ?? r.valueMin;

/**
 * English names of the closed list of metrics.
 * @type {Record<string, string>}
 */
const METRIC_EN = {
  'tỷ trọng trong GRDP': 'share of GRDP',
  'tỷ lệ': 'rate',
  'tốc độ tăng trưởng': 'growth rate',
  'chi cho R&D / GRDP': 'R&D spending / GRDP',
  'số lượng': 'count',
  'giá trị': 'value',
  'diện tích': 'area',
  'xếp hạng': 'rank',
  'mức giảm': 'reduction',
  khác: 'other',
};

/**
 * @param {string} m a metric of the closed list (core/types.ts)
 * @param {string} [lang]
 */
export const metricLabel = (m, lang = getLang()) =>
  (lang === 'en' ? ((Object.hasOwn(METRIC_EN, m) ? METRIC_EN[m] : null) ?? m) : m) || '';

/**
 * Groups targets by what they measure — (subject, metric, unit) — so only like targets are compared:
 * a digital-economy 40% of GRDP never sits next to a bio-industry 7%.
 * @param {TargetRow[]} items
 * @param {string} [lang]
 * @returns {IndicatorGroup[]}
 */
export function indicatorGroups(items, lang = 'vi') {
  /** @type {Map<string, IndicatorGroup>} */
  const groups = new Map();
  for (const r of items) {
    if (typeof num(r) !== 'number') continue;
    const subject = r.subject || r.indicator || r.text || '';
    const unit = r.unit || '';
    const key = JSON.stringify([subject, r.metric || '', unit]);
    const label = r.metric ? `${subject} — ${metricLabel(r.metric, lang)}` : subject;
    if (!groups.has(key)) groups.set(key, { key, label, unit, items: [] });
    groups.get(key)?.items.push(r);
  }
  return [...groups.values()].sort(
    (a, b) => b.items.length - a.items.length || a.label.localeCompare(b.label, 'vi'),
  );
}

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params `field`, `year` and the compared `group`
 */
export async function renderTargets(main, params) {
  setTitle(t('targetsTitle'));
  const cur = {
    field: params.get('field') || '',
    year: params.get('year') || '',
    group: params.get('group') || '',
  };
  const filters = h('div', { class: 'filters' }, loading());
  const tableBox = h('div', { 'aria-live': 'polite' }, loading());
  const chartBox = h('div', { class: 'chart-box' });
  mount(
    main,
    h('h1', {}, t('targetsTitle')),
    filters,
    h(
      'section',
      { 'aria-labelledby': 'chart-h', class: 'card' },
      h('h2', { id: 'chart-h' }, t('compare')),
      chartBox,
    ),
    h('section', { 'aria-labelledby': 'ttable-h' }, h('h2', { id: 'ttable-h' }, t('targets')), tableBox),
  );
  /** @param {Partial<typeof cur>} patch */
  const nav = (patch) => go('targets', { ...cur, ...patch });
  try {
    const [all, fields] = await Promise.all([
      cached('targets'),
      cached('fields').catch(() => ({ items: [] })),
    ]);
    const years = [...new Set(all.items.map((r) => r.year).filter(Boolean))].sort();
    mount(
      filters,
      select(
        't-field',
        t('field'),
        fields.items.map((f) => ({ value: f.slug, label: fieldLabel(f) })),
        cur.field,
        (e) => nav({ field: e.target.value, group: '' }),
      ),
      select(
        't-year',
        t('year'),
        years.map((y) => ({ value: String(y), label: String(y) })),
        cur.year,
        (e) => nav({ year: e.target.value, group: '' }),
      ),
    );
  } catch (e) {
    mount(filters, errorBox(e, t('filters')));
  }
  /** @type {TargetRow[]} */
  let items;
  try {
    items = (await get('targets', { field: cur.field, year: cur.year })).items;
  } catch (e) {
    mount(tableBox, errorBox(e));
    mount(chartBox, errorBox(e));
    return;
  }
  if (items.length === 0) {
    mount(tableBox, empty());
    mount(chartBox, empty());
    return;
  }
  mount(
    tableBox,
    downloads('targets', { field: cur.field, year: cur.year }, 'chi-tieu'),
    sortableTable({
      id: 'targets-table',
      initial: 'locality',
      columns: [
        {
          key: 'locality',
          label: t('locality'),
          value: (r) => r.locality || (r.national ? t('national') : ''),
        },
        { key: 'subject', label: t('subject'), value: (r) => r.subject || '' },
        { key: 'metric', label: t('metric'), value: (r) => metricLabel(r.metric) },
        {
          key: 'indicator',
          label: t('indicator'),
          value: (r) => r.indicator || r.text,
          cell: (r) => h('span', { title: r.text || '' }, r.indicator || r.text),
        },
        { key: 'value', label: t('value'), value: num, cell: (r) => targetValue(r), className: 'num' },
        { key: 'year', label: t('year'), value: (r) => r.year ?? r.period ?? '', className: 'num' },
        {
          key: 'document',
          label: t('number'),
          value: (r) => r.documentNumber || r.documentTitle || '',
          cell: (r) => h('a', { href: docLink(r.documentId) }, r.documentNumber || short(r.documentTitle)),
        },
        {
          key: 'source',
          label: t('source'),
          value: (r) => r.passageId || '',
          cell: (r) => (r.passageId ? h('a', { href: docLink(r.documentId, r.passageId) }, t('source')) : ''),
        },
      ],
      rows: items,
    }),
  );
  const groups = indicatorGroups(items, getLang());
  if (groups.length === 0) {
    mount(chartBox, empty());
    return;
  }
  const group = groups.find((g) => g.key === cur.group) || groups[0];
  const picker = h(
    'div',
    { class: 'field' },
    h('label', { for: 't-group' }, t('compareWhich')),
    h(
      'select',
      { id: 't-group', onchange: (e) => nav({ group: e.target.value }) },
      groups.map((g) =>
        h(
          'option',
          { value: g.key, selected: g === group },
          `${short(g.label)}${g.unit ? ` (${g.unit})` : ''} — ${g.items.length}`,
        ),
      ),
    ),
  );
  mount(chartBox, picker, barChart(group));
}

/** @param {string | null | undefined} s */
const short = (s) => (s && s.length > 70 ? `${s.slice(0, 69)}…` : s || '');

const SVG = 'http://www.w3.org/2000/svg';
/**
 * An SVG element.
 * @param {string} tag
 * @param {Record<string, string | number>} attrs
 * @param {string} [text]
 */
function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const PALETTE = ['#1f5fa8', '#c25100', '#2e7d32', '#7b3fa0', '#b3261e', '#00796b', '#5f6b7a'];

/** @param {TargetRow} r */
const placeOf = (r) => r.locality || (r.national ? t('national') : '—');

/**
 * Horizontal bars, one per (locality, year), coloured by locality; values written at the bar ends.
 * @param {IndicatorGroup} group targets that all have a value (see indicatorGroups)
 */
export function barChart(group) {
  /** @param {TargetRow} r */
  const value = (r) => num(r) ?? 0;
  const rows = [...group.items].sort(
    (a, b) => placeOf(a).localeCompare(placeOf(b), 'vi') || (a.year ?? 0) - (b.year ?? 0),
  );
  const localities = [...new Set(rows.map(placeOf))];
  const max = Math.max(...rows.map(value), 0) || 1;
  const labelW = 190;
  const barW = 420;
  const rowH = 30;
  const width = labelW + barW + 90;
  const height = rows.length * rowH + 30;
  const svg = s('svg', {
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    class: 'bar-chart',
    'aria-labelledby': 'chart-title chart-desc',
  });
  svg.append(s('title', { id: 'chart-title' }, `${t('chartLabel')}: ${group.label}`));
  svg.append(
    s(
      'desc',
      { id: 'chart-desc' },
      rows.map((r) => `${placeOf(r)} ${r.year ?? r.period ?? ''}: ${targetValue(r)}`).join('; '),
    ),
  );
  rows.forEach((r, i) => {
    const y = 10 + i * rowH;
    const w = Math.max(2, (value(r) / max) * barW);
    const color = PALETTE[localities.indexOf(placeOf(r)) % PALETTE.length];
    svg.append(
      s(
        'text',
        { x: labelW - 8, y: y + rowH / 2 + 4, 'text-anchor': 'end', class: 'chart-label' },
        `${placeOf(r)}${r.year || r.period ? ` · ${r.year ?? r.period}` : ''}`,
      ),
    );
    svg.append(s('rect', { x: labelW, y: y + 4, width: w, height: rowH - 10, fill: color, rx: 2 }));
    svg.append(s('text', { x: labelW + w + 6, y: y + rowH / 2 + 4, class: 'chart-value' }, targetValue(r)));
  });
  svg.append(s('line', { x1: labelW, x2: labelW, y1: 6, y2: height - 18, stroke: '#444' }));
  return h(
    'figure',
    { class: 'chart' },
    svg,
    h('figcaption', {}, `${group.label}${group.unit ? ` (${group.unit})` : ''}`),
  );
}
