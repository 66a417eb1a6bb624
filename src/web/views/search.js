/** Search page: one box for questions and keywords; /api/ask answers above the matching passages. */
import { cached, get } from '../api.js';
import { fieldLabel, hasText, t } from '../i18n.js';
import { saveButton } from './saved.js';
import {
  corpusFacets,
  docLink,
  empty,
  errorBox,
  go,
  h,
  highlighted,
  downloads,
  list,
  loading,
  mount,
  noMarkdown,
  select,
  setTitle,
} from '../ui.js';

/**
 * @typedef {import('../api-types.d.ts').AskResponse} AskResponse
 * @typedef {import('../api-types.d.ts').SearchHit} SearchHit
 * @typedef {AskResponse['answer']['rows'][number]} AnswerRow
 * @typedef {AskResponse['citations'][number]} Citation
 * @typedef {Record<string, string>} Filters
 */

const FILTERS = ['locality', 'field', 'type', 'year'];

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params `q` and the filters
 */
export async function renderSearch(main, params) {
  setTitle(t('searchTitle'));
  const q = params.get('q') || '';
  /** @type {Filters} */
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) || '']));
  const input = h('input', {
    id: 'q',
    name: 'q',
    type: 'search',
    value: q,
    placeholder: t('searchPlaceholder'),
    autocomplete: 'off',
    required: true,
  });
  const filterBox = h('div', { class: 'filters', role: 'group', 'aria-label': t('filters') }, loading());
  const form = h(
    'form',
    { role: 'search', class: 'search-form', onsubmit: (e) => submit(e) },
    h(
      'div',
      { class: 'field grow' },
      h('label', { for: 'q' }, t('searchLabel')),
      h('div', { class: 'row' }, input, h('button', { type: 'submit' }, t('searchButton'))),
    ),
    filterBox,
  );
  const results = h('div', { id: 'results', 'aria-live': 'polite' });
  mount(main, h('h1', {}, t('searchTitle')), form, results);

  function values() {
    /** @type {Filters} */
    const v = { q: input.value.trim() };
    for (const f of FILTERS) {
      const el = /** @type {HTMLSelectElement | null} */ (form.querySelector(`[name="${f}"]`));
      v[f] = el ? el.value : current[f];
    }
    return v;
  }
  /** @param {Event} e */
  function submit(e) {
    e.preventDefault();
    const v = values();
    if (v.q) go('search', v);
  }

  void fillFilters(filterBox, current, () => {
    if (input.value.trim()) go('search', values());
  });
  if (!q) {
    mount(results, empty(t('enterQuery')));
    if (!params.has('q')) input.focus();
    return;
  }
  mount(results, loading());
  const filtered = FILTERS.some((f) => current[f]);
  const searchParams = { q, k: 20, ...current };
  const [ask, search] = await Promise.allSettled([
    get('ask', { q }),
    filtered ? get('search', searchParams) : Promise.resolve(null),
  ]);
  /** @type {SearchHit[]} */
  let passages = [];
  let noMatch = false;
  /** @type {import('../ui-types.d.ts').Child[]} */
  const parts = [];
  if (ask.status === 'fulfilled') {
    parts.push(answerTable(ask.value, q));
    passages = ask.value.results || [];
    noMatch = ask.value.noMatch === true;
  } else {
    parts.push(h('p', { class: 'note' }, errorBox(ask.reason, t('askUnavailable'))));
  }
  /** @type {number | null | undefined} */
  let took = ask.status === 'fulfilled' ? null : undefined;
  if (filtered || ask.status === 'rejected') {
    try {
      const s =
        search.status === 'fulfilled' && search.value ? search.value : await get('search', searchParams);
      passages = s.results;
      noMatch = s.noMatch === true;
      took = s.tookMs;
    } catch (e) {
      mount(results, ...parts, errorBox(e));
      return;
    }
  }
  parts.unshift(
    h(
      'p',
      { class: 'save-row' },
      saveButton(q, Object.fromEntries(FILTERS.filter((f) => current[f]).map((f) => [f, current[f]]))),
    ),
  );
  parts.push(passageList(passages, took, noMatch));
  mount(results, ...parts);
}

/**
 * @param {HTMLElement} box
 * @param {Filters} current
 * @param {() => void} onchange
 */
async function fillFilters(box, current, onchange) {
  try {
    const [docs, fields] = await Promise.all([
      cached('documents'),
      cached('fields').catch(() => ({ items: [] })),
    ]);
    const f = corpusFacets(docs.items);
    /** @param {string[]} xs */
    const opts = (xs) => xs.map((x) => ({ value: String(x), label: String(x) }));
    mount(
      box,
      select('locality', t('locality'), opts(f.localities), current.locality, onchange),
      select(
        'field',
        t('field'),
        fields.items.map((x) => ({ value: x.slug, label: fieldLabel(x) })),
        current.field,
        onchange,
      ),
      select('type', t('docType'), opts(f.types), current.type, onchange),
      select('year', t('year'), opts(f.years), current.year, onchange),
    );
  } catch (e) {
    mount(box, errorBox(e, t('filters')));
  }
}

/** @param {unknown} v */
function cell(v) {
  if (Array.isArray(v)) return noMarkdown(list(v));
  if (v && typeof v === 'object') return noMarkdown(list(Object.values(v)));
  return v === null || v === undefined ? '' : noMarkdown(String(v));
}

/** @param {string | null | undefined} s */
const plain = (s) =>
  s
    ? String(s)
        .replace(/\*\*|__/g, '')
        .trim()
    : s;

/** The answer's notice (why it is empty, or that predecessors' tasks are included), in the page's language. */
/** @param {AskResponse} ask */
function noticeBox(ask) {
  const n = ask.notice;
  if (!n || !hasText(`notice_${n.code}`)) return null;
  return h(
    'p',
    { class: 'notice', role: 'status', 'data-code': n.code },
    t(`notice_${n.code}`, n.params || {}),
  );
}

/**
 * @param {AnswerRow} r
 * @param {{key: string}} c
 */
function answerCell(r, c) {
  if (c.key === 'plan' && r.documentId)
    return h('a', { href: rowLink(r), title: r.planTitle || r.plan }, cell(r.plan));
  return cell(r[c.key]);
}

/**
 * A link to the row's cited passage.
 * @param {AnswerRow} r
 */
const rowLink = (r) => docLink(String(r.documentId), r.passageId ? String(r.passageId) : null);

/**
 * @param {AskResponse} ask
 * @param {string} q
 */
function answerTable(ask, q) {
  const a = ask.answer;
  if (ask.intent === 'search' || !a.rows || a.rows.length === 0) return noticeBox(ask);
  const cols = a.columns || [];
  const label = hasText(`intent_${ask.intent}`) ? t(`intent_${ask.intent}`) : t('answer');
  return h(
    'section',
    { class: 'answer', 'aria-labelledby': 'answer-h' },
    h('h2', { id: 'answer-h' }, t('answer'), ' ', h('span', { class: 'badge' }, label)),
    noticeBox(ask),
    downloads(
      'ask',
      { q, ...(ask.notice && ask.notice.code === 'LINEAGE_USED' ? { lineage: 'true' } : {}) },
      'tra-loi',
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data', id: 'answer-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            cols.map((c) => h('th', { scope: 'col' }, c.label || c.key)),
            h('th', { scope: 'col' }, t('source')),
          ),
        ),
        h(
          'tbody',
          {},
          a.rows.map((r) =>
            h(
              'tr',
              {},
              cols.map((c) => h('td', {}, answerCell(r, c))),
              h('td', {}, r.documentId ? h('a', { href: rowLink(r) }, t('source')) : ''),
            ),
          ),
        ),
      ),
    ),
    citationList(ask.citations || []),
  );
}

/** Cited passages: a table row shown with its column headers, section labels without Markdown. */
/** @param {Citation[]} citations */
function citationList(citations) {
  const shown = citations.slice(0, 8);
  if (shown.length === 0) return null;
  return h(
    'details',
    { class: 'citations' },
    h('summary', {}, `${t('citations')} (${citations.length})`),
    h(
      'ul',
      {},
      shown.map((c) =>
        h(
          'li',
          { class: 'citation' },
          h(
            'div',
            { class: 'small muted' },
            [plain(c.section), c.page ? `${t('page')} ${c.page}` : null].filter(Boolean).join(' · '),
          ),
          c.cells
            ? h(
                'div',
                { class: 'table-wrap' },
                h(
                  'table',
                  { class: 'data cited-row' },
                  c.header
                    ? h(
                        'thead',
                        {},
                        h(
                          'tr',
                          {},
                          c.header.map((x) => h('th', { scope: 'col' }, plain(x))),
                        ),
                      )
                    : null,
                  h(
                    'tbody',
                    {},
                    h(
                      'tr',
                      {},
                      c.cells.map((x) => h('td', {}, plain(x))),
                    ),
                  ),
                ),
              )
            : h('p', { class: 'passage-text' }, plain(c.text)),
          h('a', { href: docLink(c.documentId, c.passageId) }, `${t('openInDoc')} →`),
        ),
      ),
    ),
  );
}

/**
 * @param {SearchHit[]} results
 * @param {number | null | undefined} took milliseconds the search took, when shown
 * @param {boolean} [noMatch] nothing matches meaningfully: the results are only the nearest
 */
function passageList(results, took, noMatch = false) {
  const head = h(
    'h2',
    { id: 'passages-h' },
    t('passages'),
    ' ',
    h(
      'span',
      { class: 'muted' },
      `(${results.length} ${t('resultsCount')}${typeof took === 'number' ? ` · ${Math.round(took)} ${t('took')}` : ''})`,
    ),
  );
  if (results.length === 0)
    return h('section', { 'aria-labelledby': 'passages-h' }, head, empty(t('noResults')));
  return h(
    'section',
    { 'aria-labelledby': 'passages-h', class: noMatch ? 'no-match' : null },
    head,
    noMatch ? h('p', { class: 'notice no-match-notice', role: 'status' }, t('noMeaningfulMatch')) : null,
    h(
      'ol',
      { class: 'results' },
      results.map((r) =>
        h(
          'li',
          { class: 'result', 'data-document': r.documentId },
          h('h3', {}, h('a', { href: docLink(r.documentId) }, noMarkdown(r.documentTitle || r.documentId))),
          h(
            'p',
            { class: 'meta' },
            r.documentNumber ? h('span', {}, r.documentNumber) : null,
            r.locality ? h('span', { class: 'locality' }, r.locality) : null,
            r.section ? h('span', {}, `${t('section')}: ${plain(r.section)}`) : null,
            r.page ? h('span', {}, `${t('page')} ${r.page}`) : null,
          ),
          h('p', { class: 'passage-text' }, highlighted(r.text, r.highlights)),
          h('p', {}, h('a', { href: docLink(r.documentId, r.id), class: 'goto' }, `${t('openInDoc')} →`)),
        ),
      ),
    ),
  );
}
