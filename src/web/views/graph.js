/**
 * Agency–task graph: filters, the canvas (graph-canvas.js, Cytoscape.js), a node list that gives the
 * canvas's actions by keyboard (graph-list.js) and a detail panel (graph-details.js). Kinds and their
 * names come from the server's one definition (kinds.js).
 */
import { cached, get } from '../api.js';
import { fieldLabel, t } from '../i18n.js';
import { loadKinds } from '../kinds.js';
import { corpusFacets, empty, errorBox, go, h, loading, mount, select, setTitle } from '../ui.js';
import { canvasOf, loadCytoscape, short } from './graph-canvas.js';
import { detailsPanel } from './graph-details.js';
import { nodeList } from './graph-list.js';
import { swatch } from './graph-style.js';

/**
 * @typedef {import('../api-types.d.ts').GraphNode} GraphNode
 * @typedef {import('../kinds.js').Kinds} Kinds
 * @typedef {{locality: string, agency: string, field: string}} GraphState
 * @typedef {ReturnType<typeof layout>} Parts
 */

/**
 * @param {HTMLElement} main
 * @param {URLSearchParams} params
 */
export async function renderGraph(main, params) {
  setTitle(t('graphTitle'));
  /** @type {GraphState} */
  const state = {
    locality: params.get('locality') || '',
    agency: params.get('agency') || '',
    field: params.get('field') || '',
  };
  const parts = layout(main);
  const [kinds] = await Promise.all([loadKinds(), fillControls(parts.controls, state)]);
  mount(
    parts.legend,
    kinds.order.map((k) => h('li', {}, swatch(k), kinds.label(k))),
  );

  const center = state.agency || state.locality || state.field;
  if (!center) {
    mount(parts.status, empty(t('pickLocality')));
    mount(parts.listbox);
    return;
  }
  let cytoscape;
  try {
    cytoscape = await loadCytoscape();
  } catch (e) {
    mount(
      parts.status,
      errorBox({ code: 'LIBRARY', message: `Cytoscape.js: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return;
  }
  await browse(cytoscape, parts, kinds, state, center);
}

/**
 * The page's heading, filter form, status line, node list, canvas with its legend, and detail panel.
 * @param {HTMLElement} main
 */
function layout(main) {
  const controls = h('form', { class: 'filters graph-controls', onsubmit: (e) => submit(e) }, loading());
  const canvas = h('div', {
    id: 'cy',
    class: 'cy',
    role: 'img',
    'aria-label': t('graphCanvas'),
    tabindex: '0',
  });
  const listbox = h('ul', { id: 'node-list', role: 'listbox', tabindex: '0', 'aria-label': t('nodes') });
  const details = h('div', { id: 'node-details', 'aria-live': 'polite' }, empty(t('pickNode')));
  const status = h('div', { class: 'graph-status', role: 'status' });
  const legend = h('ul', { class: 'legend', 'aria-label': t('legend') });
  mount(
    main,
    h('h1', {}, t('graphTitle')),
    controls,
    status,
    h(
      'div',
      { class: 'graph-layout' },
      h(
        'section',
        { class: 'node-list-wrap', 'aria-labelledby': 'nodes-h' },
        h('h2', { id: 'nodes-h', class: 'small-h' }, t('nodes')),
        listbox,
      ),
      h('div', { class: 'canvas-wrap' }, canvas, legend),
      h(
        'aside',
        { class: 'details', 'aria-labelledby': 'details-h' },
        h('h2', { id: 'details-h', class: 'small-h' }, t('details')),
        details,
      ),
    ),
  );

  /** @param {Event} e */
  function submit(e) {
    e.preventDefault();
    /** @param {string} n */
    const v = (n) =>
      /** @type {HTMLSelectElement | null} */ (controls.querySelector(`[name="${n}"]`))?.value || '';
    go('graph', { locality: v('g-locality'), agency: v('g-agency'), field: v('g-field') });
  }
  return { controls, canvas, listbox, details, status, legend };
}

/**
 * The locality, agency (of the chosen locality) and field filters.
 * @param {HTMLFormElement} controls
 * @param {GraphState} state
 */
async function fillControls(controls, state) {
  try {
    const [docs, f] = await Promise.all([cached('documents'), cached('fields').catch(() => ({ items: [] }))]);
    const agencies = state.locality ? (await get('agencies', { locality: state.locality })).items : [];
    const facets = corpusFacets(docs.items);
    mount(
      controls,
      select(
        'g-locality',
        t('locality'),
        facets.localities.map((x) => ({ value: x, label: x })),
        state.locality,
        (e) => go('graph', { locality: e.target.value, field: state.field }),
      ),
      select(
        'g-agency',
        t('agency'),
        agencies.map((a) => ({ value: a.key, label: `${a.name} (${a.leads}/${a.coordinates})` })),
        state.agency,
      ),
      select(
        'g-field',
        t('fieldFilter'),
        f.items.map((x) => ({ value: x.slug, label: fieldLabel(x) })),
        state.field,
      ),
      h(
        'div',
        { class: 'field' },
        h('span', { class: 'label-spacer', 'aria-hidden': 'true' }, ' '),
        h('button', { type: 'submit' }, t('show')),
      ),
    );
  } catch (e) {
    mount(controls, errorBox(e));
  }
}

/**
 * Draws the neighbourhood of `center` and lets the reader expand nodes from the canvas, the list or the
 * detail panel; with a field filter, only that field's tasks are shown.
 * @param {import('./graph-canvas.js').CytoscapeFactory} cytoscape
 * @param {Parts} parts
 * @param {Kinds} kinds
 * @param {GraphState} state
 * @param {string} center
 */
async function browse(cytoscape, parts, kinds, state, center) {
  const { status } = parts;
  /** @type {Map<string, GraphNode>} */
  const nodes = new Map();
  /** @type {Set<string>} */
  const expanded = new Set();
  /** @param {string} id */
  const expandLater = (id) => void expand(id);
  const canvas = canvasOf(cytoscape, parts.canvas, expandLater);
  const list = nodeList(parts.listbox, kinds, { choose, expand: expandLater });
  const details = detailsPanel(parts.details, kinds, expandLater);

  /** @param {string} id */
  function choose(id) {
    list.mark(id);
    canvas.select(id);
    const n = nodes.get(id);
    void details.show(n, n ? expanded.has(n.id) : false);
  }

  /** @param {string} id */
  async function expand(id) {
    if (expanded.has(id)) return choose(id);
    mount(status, loading());
    try {
      const g = await get('graph', { center: id, depth: 1 });
      expanded.add(id);
      for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
      canvas.add(g);
      list.draw(
        [...nodes.values()].filter((n) => !canvas.hidden(n.id)),
        expanded,
      );
      canvas.expanded(id);
      mount(status, `${nodes.size} · ${t('expand')}: ${short(nodes.get(id)?.label || id)}`);
      choose(id);
    } catch (e) {
      mount(status, errorBox(e));
    }
  }

  if (state.field && state.field !== center) {
    try {
      const fg = await get('graph', { center: state.field, depth: 1 });
      canvas.showTasks(new Set(fg.nodes.filter((n) => n.kind === 'Task').map((n) => n.id)));
    } catch (e) {
      mount(status, errorBox(e, t('fieldFilter')));
    }
  }
  await expand(center);
  canvas.markCentre(center);
}
