/** Locality page: a province or provincial city with its lineage (2025), documents and agencies. */
import { enc, get } from '../api.js';
import { t } from '../i18n.js';
import { docLink, empty, errorBox, h, loading, mount, setTitle } from '../ui.js';
import { agencyHref, lineageSection } from './agency.js';

/**
 * @param {HTMLElement} main
 * @param {string} name the locality's name
 */
export async function renderLocality(main, name) {
  mount(main, loading());
  let l;
  try {
    l = await get(`localities/${enc(name)}`);
  } catch (e) {
    mount(main, h('h1', {}, t('localityTitle')), errorBox(e));
    return;
  }
  setTitle(l.name);
  mount(
    main,
    h('h1', {}, l.name),
    lineageSection(l, (id) => `#/localities/${enc(id)}`),
    h('h2', {}, t('documentsTitle')),
    l.documents.length
      ? h(
          'ul',
          {},
          l.documents.map((d) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: docLink(d.id), title: d.title || '' },
                [d.type, d.number].filter(Boolean).join(' ') || d.title,
              ),
            ),
          ),
        )
      : empty(),
    h('h2', {}, t('agency')),
    l.agencies.length
      ? h(
          'ul',
          { class: 'columns' },
          l.agencies.map((a) => h('li', {}, h('a', { href: agencyHref(a.key) }, a.name))),
        )
      : empty(),
  );
}
