/** Hash router (#/search?q=…, #/documents/<id>, #/graph, #/targets, #/ingest) and the page shell. */
import { get } from './api.js';
import { getLang, setLang, t } from './i18n.js';
import { errorBox, focusHeading, h, mount } from './ui.js';
import { renderSearch } from './views/search.js';
import { renderDocuments } from './views/documents.js';
import { renderDocument } from './views/document.js';
import { renderGraph } from './views/graph.js';
import { renderTargets } from './views/targets.js';
import { renderIngest } from './views/ingest.js';
import { renderAgency } from './views/agency.js';
import { renderLocality } from './views/locality.js';
import { renderTree } from './views/tree.js';
import { renderRef } from './views/ref.js';
import { renderMatrix } from './views/matrix.js';
import { renderSaved } from './views/saved.js';

/**
 * An element of the page shell (index.html).
 * @param {string} id
 */
function byId(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el;
}

const main = byId('main');

/**
 * Parses `#/a/b?x=1` into `{parts: ['a','b'], params: URLSearchParams}`.
 * @param {string} [hash]
 */
export function parseHash(hash = location.hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params };
}

/** @type {Record<string, (parts: string[], params: URLSearchParams) => Promise<void> | void>} */
const ROUTES = {
  search: (parts, params) => renderSearch(main, params),
  documents: (parts, params) =>
    parts[1] ? renderDocument(main, parts[1], params) : renderDocuments(main, params),
  graph: (parts, params) => renderGraph(main, params),
  targets: (parts, params) => renderTargets(main, params),
  ingest: () => renderIngest(main),
  agencies: (parts, params) => renderAgency(main, parts[1] || '', params),
  localities: (parts) => renderLocality(main, parts[1] || ''),
  tree: (parts, params) => renderTree(main, params),
  refs: (parts) => renderRef(main, parts[1] || ''),
  matrix: (parts, params) => renderMatrix(main, params),
  saved: () => renderSaved(main),
};

let current = 0;
/** @type {string | null} */
let lastPath = null;

async function route() {
  const { parts, params } = parseHash();
  const name = parts[0] || 'search';
  const path = parts.join('/');
  for (const a of document.querySelectorAll('#nav a')) {
    if (!(a instanceof HTMLElement)) continue;
    if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const handler = Object.hasOwn(ROUTES, name) ? ROUTES[name] : undefined;
  const id = ++current;
  if (!handler) {
    mount(main, h('h1', {}, t('notFound')), h('p', {}, h('a', { href: '#/search' }, t('navSearch'))));
    return;
  }
  try {
    await handler(parts, params);
    if (path !== lastPath && id === current && !params.has('passage')) focusHeading(main);
    lastPath = path;
  } catch (e) {
    mount(main, errorBox(e));
  }
}

function applyShell() {
  document.documentElement.lang = getLang();
  for (const el of document.querySelectorAll('[data-i18n]'))
    if (el instanceof HTMLElement) el.textContent = t(el.dataset.i18n || '');
  const lang = byId('lang');
  lang.textContent = t('langToggle');
  lang.setAttribute('aria-label', t('langToggleLabel'));
  lang.setAttribute('lang', getLang() === 'en' ? 'vi' : 'en');
  byId('nav').setAttribute('aria-label', getLang() === 'en' ? 'Main' : 'Chính');
  byId('skip-link').textContent = t('skip');
  byId('brand').textContent = t('appName');
}

async function health() {
  const el = byId('health');
  try {
    const s = await get('health');
    const c = s.counts;
    el.textContent = `${t('health')}: ${s.status} · Neo4j ${s.neo4j && s.neo4j.connected ? '✓' : '✗'} · ${c.documents} ${t('navDocuments').toLowerCase()} · ${c.passages} ${t('passagesCount').toLowerCase()} · ${c.tasks} ${t('tasks').toLowerCase()} · ${c.targets} ${t('targets').toLowerCase()}`;
  } catch (e) {
    mount(el, errorBox(e, t('health')));
  }
}

byId('lang').addEventListener('click', () => {
  setLang(getLang() === 'en' ? 'vi' : 'en');
  applyShell();
  lastPath = null;
  void route();
  void health();
});
byId('skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => void route());
window.addEventListener('policy-kg:changed', () => void health());

applyShell();
if (!location.hash) history.replaceState(null, '', '#/search');
void route();
void health();
