/** Saved searches (#/saved): each with its Atom feed of documents ingested since, and a delete button. */
import { get, send } from '../api.js';
import { t } from '../i18n.js';
import { empty, errorBox, h, loading, mount, setTitle } from '../ui.js';

/**
 * A "save this search" button for the search page; shows the feed link once saved.
 * @param {string} q
 * @param {Record<string, string>} filters the search's non-empty filters (locality, field, type, year)
 */
export function saveButton(q, filters) {
  const box = h('span', { class: 'save-search' });
  const button = h(
    'button',
    {
      type: 'button',
      id: 'save-search',
      onclick: async () => {
        button.disabled = true;
        try {
          const saved = await send('POST', 'saved-searches', { q, filters });
          mount(
            box,
            h('span', { role: 'status' }, `${t('saved')} · `),
            h('a', { href: saved.feed, class: 'feed' }, t('savedFeed')),
          );
        } catch (e) {
          button.disabled = false;
          box.append(errorBox(e));
        }
      },
    },
    t('saveSearch'),
  );
  mount(box, button);
  return box;
}

/** @param {HTMLElement} main */
export async function renderSaved(main) {
  setTitle(t('savedTitle'));
  const body = h('div', { 'aria-live': 'polite' }, loading());
  mount(main, h('h1', {}, t('savedTitle')), body);
  const draw = async () => {
    try {
      const { items } = await get('saved-searches');
      if (!items.length) return mount(body, empty(t('noSaved')));
      mount(
        body,
        h(
          'ul',
          { class: 'saved-list' },
          items.map((s) =>
            h(
              'li',
              { 'data-id': s.id },
              h('a', { href: `#/search?q=${encodeURIComponent(s.q)}` }, s.q),
              ' ',
              h(
                'span',
                { class: 'small muted' },
                `${t('createdAt')} ${new Date(s.createdAt).toLocaleString()}`,
              ),
              ' · ',
              h('a', { href: s.feed, class: 'feed' }, t('savedFeed')),
              ' ',
              h(
                'button',
                {
                  type: 'button',
                  class: 'link',
                  onclick: async () => {
                    await send('DELETE', `saved-searches/${encodeURIComponent(s.id)}`);
                    await draw();
                  },
                },
                t('remove'),
              ),
            ),
          ),
        ),
      );
    } catch (e) {
      mount(body, errorBox(e));
    }
  };
  await draw();
}
