/** DOM helpers: element builder (no innerHTML with data), loading/empty/error states, highlighting. */
import { hasText, t } from './i18n.js';

/** h('a', {href, class, onclick}, ...children) — strings become text nodes; null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'value') el.value = v;
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  }
}

/** Replaces the children of `el`. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const loading = (what) =>
  h(
    'p',
    { class: 'state loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    what || t('loading'),
  );

export const empty = (what) => h('p', { class: 'state empty' }, what || t('empty'));

/** A readable API error: code + message in the page's language (the server's text on hover), never blank. */
export function errorBox(err, context) {
  const code = err && err.code ? err.code : 'ERROR';
  const raw = err && err.message ? err.message : String(err);
  const message = hasText(`err_${code}`) ? t(`err_${code}`) : raw;
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', {}, context ? `${context}: ` : `${t('error')}: `),
    h('code', { class: 'error-code' }, code),
    ' — ',
    h('span', { class: 'error-message', title: raw }, message),
  );
}

/** CSV and XLSX download links for an API table (`/api/<path>?…&format=csv|xlsx`). */
export function downloads(path, params = {}, name = 'bang') {
  const link = (format, label) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params))
      if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
    qs.set('format', format);
    return h(
      'a',
      { class: `download ${format}`, href: `/api/${path}?${qs}`, download: `${name}.${format}` },
      label,
    );
  };
  return h(
    'p',
    { class: 'downloads', role: 'group', 'aria-label': t('download') },
    link('csv', t('downloadCsv')),
    link('xlsx', t('downloadXlsx')),
  );
}

/** `Name Locality` of an agency row ({name, locality}). */
export const agencyLabel = (a) => (a ? [a.name, a.locality].filter(Boolean).join(' ') : '');

/** Runs `load` and renders its result into `el`, with loading and error states. */
export async function section(el, load, render, context) {
  mount(el, loading());
  try {
    const data = await load();
    mount(el, render(data));
  } catch (e) {
    mount(el, errorBox(e, context));
  }
}

/** Text without Markdown emphasis markers (`**`, `__`) that converted PDFs leave in passages. */
export const noMarkdown = (s) => String(s).replace(/\*\*|__/g, '');

/** Text with `<mark>` around [start,end) ranges (offsets into `text`). */
export function highlighted(text, ranges) {
  const out = [];
  let pos = 0;
  const sorted = [...(ranges || [])].sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    const start = Math.max(r.start, pos);
    const end = Math.min(r.end, text.length);
    if (end <= start) continue;
    if (start > pos) out.push(noMarkdown(text.slice(pos, start)));
    out.push(h('mark', {}, noMarkdown(text.slice(start, end))));
    pos = end;
  }
  if (pos < text.length) out.push(noMarkdown(text.slice(pos)));
  return out;
}

export const docLink = (documentId, passageId) =>
  `#/documents/${encodeURIComponent(documentId)}${passageId ? `?passage=${encodeURIComponent(passageId)}` : ''}`;

export const list = (v) =>
  Array.isArray(v) ? v.filter(Boolean).join('; ') : v === null || v === undefined ? '' : String(v);

/** `<label>` + `<select>` with a first "all" option. */
export function select(id, label, options, value, onchange) {
  const sel = h(
    'select',
    { id, name: id, onchange },
    h('option', { value: '' }, t('all')),
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

export function setTitle(title) {
  document.title = `${title} · policy-kg`;
}

/** Sets focus on the main heading after navigation so screen readers announce the new page. */
export function focusHeading(root) {
  const h1 = root.querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
  }
}

/** Navigates to `#/<path>?<params>` (empty params dropped). */
export function go(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  location.hash = `#/${path}${s ? `?${s}` : ''}`;
}

/** Distinct localities, types and years of the corpus, from /api/documents. */
export function corpusFacets(docs) {
  const uniq = (xs) =>
    [...new Set(xs.filter(Boolean))].sort((a, b) => String(a).localeCompare(String(b), 'vi'));
  return {
    localities: uniq(docs.map((d) => d.locality || d.province)),
    types: uniq(docs.map((d) => d.type)),
    years: uniq(docs.map((d) => (d.date ? String(d.date).slice(0, 4) : null))),
  };
}
