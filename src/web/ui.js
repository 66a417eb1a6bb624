/** DOM helpers: element builder (no innerHTML with data), loading/empty/error states, highlighting. */
import { hasText, t } from './i18n.js';

/**
 * @typedef {import('./ui-types.d.ts').Child} Child
 * @typedef {import('./ui-types.d.ts').Attrs} Attrs
 */

/**
 * h('a', {href, class, onclick}, ...children) — strings become text nodes; null/false children are skipped.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs | null} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function')
      el.addEventListener(k.slice(2), (e) => v(/** @type {import('./ui-types.d.ts').UiEvent} */ (e)));
    else if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'value') /** @type {HTMLInputElement} */ (el).value = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

/**
 * @param {Element} el
 * @param {Child[]} children
 */
function append(el, children) {
  for (const c of children) {
    if (Array.isArray(c)) append(el, c);
    else if (c === null || c === undefined || c === false) continue;
    else el.append(typeof c === 'string' || typeof c === 'number' ? String(c) : c);
  }
}

/**
 * Replaces the children of `el`.
 * @template {Element} E
 * @param {E} el
 * @param {...Child} children
 * @returns {E}
 */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** @param {string} [what] */
export const loading = (what) =>
  h(
    'p',
    { class: 'state loading', role: 'status' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    what || t('loading'),
  );

/** @param {string} [what] */
export const empty = (what) => h('p', { class: 'state empty' }, what || t('empty'));

/**
 * A readable API error: code + message in the page's language (the server's text on hover), never blank.
 * @param {unknown} err an ApiError, an Error or anything thrown
 * @param {string} [context] what failed
 */
export function errorBox(err, context) {
  const e = /** @type {{code?: string, message?: string} | null} */ (err);
  const code = e && e.code ? e.code : 'ERROR';
  const raw = e && e.message ? e.message : String(err);
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

/**
 * CSV and XLSX download links for an API table (`/api/<path>?…&format=csv|xlsx`).
 * @param {string} path
 * @param {import('./api-types.d.ts').Params} [params]
 * @param {string} [name] file name without extension
 */
export function downloads(path, params = {}, name = 'bang') {
  /** @type {(format: string, label: string) => HTMLAnchorElement} */
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

/**
 * `Name Locality` of an agency row ({name, locality}).
 * @param {{name: string, locality?: string | null} | null | undefined} a
 */
export const agencyLabel = (a) => (a ? [a.name, a.locality].filter(Boolean).join(' ') : '');

/**
 * Runs `load` and renders its result into `el`, with loading and error states.
 * @template T
 * @param {Element} el
 * @param {() => Promise<T>} load
 * @param {(data: T) => Child} render
 * @param {string} [context]
 */
export async function section(el, load, render, context) {
  mount(el, loading());
  try {
    const data = await load();
    mount(el, render(data));
  } catch (e) {
    mount(el, errorBox(e, context));
  }
}

/**
 * Text without Markdown emphasis markers (`**`, `__`) that converted PDFs leave in passages.
 * @param {unknown} s
 */
export const noMarkdown = (s) => String(s).replace(/\*\*|__/g, '');

/**
 * Text with `<mark>` around [start,end) ranges (offsets into `text`).
 * @param {string} text
 * @param {{start: number, end: number}[] | null | undefined} ranges
 */
export function highlighted(text, ranges) {
  /** @type {Child[]} */
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

/**
 * @param {string} documentId
 * @param {string | null} [passageId]
 */
export const docLink = (documentId, passageId) =>
  `#/documents/${encodeURIComponent(documentId)}${passageId ? `?passage=${encodeURIComponent(passageId)}` : ''}`;

/** @param {unknown} v a list (joined with "; "), a value or nothing */
export const list = (v) =>
  Array.isArray(v) ? v.filter(Boolean).join('; ') : v === null || v === undefined ? '' : String(v);

/**
 * `<label>` + `<select>` with a first "all" option.
 * @param {string} id
 * @param {string} label
 * @param {{value: string, label: string}[]} options
 * @param {string} value the selected value ('' for all)
 * @param {(e: Event & {target: HTMLSelectElement}) => void} [onchange]
 */
export function select(id, label, options, value, onchange) {
  const sel = h(
    'select',
    { id, name: id, onchange },
    h('option', { value: '' }, t('all')),
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)),
  );
  return h('div', { class: 'field' }, h('label', { for: id }, label), sel);
}

/** @param {string} title */
export function setTitle(title) {
  document.title = `${title} · policy-kg`;
}

/**
 * Sets focus on the main heading after navigation so screen readers announce the new page.
 * @param {ParentNode} root
 */
export function focusHeading(root) {
  const h1 = root.querySelector('h1');
  if (h1) {
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
  }
}

/**
 * Navigates to `#/<path>?<params>` (empty params dropped).
 * @param {string} path
 * @param {import('./api-types.d.ts').Params} [params]
 */
export function go(path, params = {}) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  location.hash = `#/${path}${s ? `?${s}` : ''}`;
}

/**
 * Distinct localities, types and years of the corpus, from /api/documents.
 * @param {import('./api-types.d.ts').DocumentSummary[]} docs
 */
export function corpusFacets(docs) {
  /** @type {(xs: (string | null)[]) => string[]} */
  const uniq = (xs) =>
    [...new Set(/** @type {string[]} */ (xs.filter(Boolean)))].sort((a, b) => a.localeCompare(b, 'vi'));
  return {
    localities: uniq(docs.map((d) => d.locality || d.province)),
    types: uniq(docs.map((d) => d.type)),
    years: uniq(docs.map((d) => (d.date ? String(d.date).slice(0, 4) : null))),
  };
}
