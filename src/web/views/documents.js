/** Documents list: one row per document with its type, number, date, issuer, locality and counts. */
import { cached } from '../api.js';
import { t } from '../i18n.js';
import {
  corpusFacets,
  docLink,
  downloads,
  empty,
  errorBox,
  go,
  h,
  loading,
  mount,
  select,
  setTitle,
} from '../ui.js';

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params `locality` filters the list
 */
export async function renderDocuments(main, params) {
  setTitle(t('documentsTitle'));
  const locality = params.get('locality') || '';
  const body = h('div', { 'aria-live': 'polite' }, loading());
  const filters = h('div', { class: 'filters' });
  mount(main, h('h1', {}, t('documentsTitle')), filters, body);
  let docs;
  try {
    docs = (await cached('documents')).items;
  } catch (e) {
    mount(body, errorBox(e));
    return;
  }
  const f = corpusFacets(docs);
  mount(
    filters,
    select(
      'doc-locality',
      t('locality'),
      f.localities.map((x) => ({ value: x, label: x })),
      locality,
      (e) => go('documents', { locality: e.target.value }),
    ),
  );
  const shown = locality ? docs.filter((d) => d.locality === locality || d.province === locality) : docs;
  if (shown.length === 0) {
    mount(body, empty());
    return;
  }
  const sorted = [...shown].sort(
    (a, b) =>
      String(b.date || '').localeCompare(String(a.date || '')) ||
      String(a.title).localeCompare(String(b.title), 'vi'),
  );
  mount(
    body,
    downloads('documents', locality ? { locality } : {}, 'van-ban'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data', id: 'documents-table' },
        h('caption', { class: 'sr-only' }, t('documentsTitle')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ['title', 'type', 'number', 'date', 'issuer', 'locality', 'tasks', 'targets'].map((k) =>
              h('th', { scope: 'col', class: ['tasks', 'targets'].includes(k) ? 'num' : null }, t(k)),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          sorted.map((d) =>
            h(
              'tr',
              { 'data-file': d.file },
              h(
                'td',
                { class: 'title' },
                h('a', { href: docLink(d.id) }, d.title || d.file),
                h('div', { class: 'muted small' }, d.file),
              ),
              h('td', {}, d.type || '—'),
              h('td', {}, d.number || '—'),
              h('td', {}, d.date || '—'),
              h('td', {}, d.issuer || '—'),
              h('td', {}, d.locality || d.province || '—'),
              h('td', { class: 'num' }, String(d.taskCount ?? 0)),
              h('td', { class: 'num' }, String(d.targetCount ?? 0)),
            ),
          ),
        ),
      ),
    ),
  );
}
