/**
 * Agency–task graph. Drawn with Cytoscape.js (vendored ES module at /vendor/cytoscape.esm.mjs): a mature
 * graph library with compound nodes and several layouts, shipped as an ES module build in its npm package
 * (no CDN, no build step), and it renders into an ordinary container we can label for assistive tech.
 * The canvas is mouse-driven, so a focusable listbox of nodes beside it gives the same actions by keyboard.
 */
import { cached, enc, get } from '../api.js';
import { fieldLabel, t } from '../i18n.js';
import {
  corpusFacets,
  docLink,
  empty,
  errorBox,
  go,
  h,
  list,
  loading,
  mount,
  select,
  setTitle,
} from '../ui.js';
import { cyStyle, KINDS, swatch } from './graph-style.js';

const short = (s) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
const docOf = (id) => String(id).split(':')[0];

export async function renderGraph(main, params) {
  setTitle(t('graphTitle'));
  const state = {
    locality: params.get('locality') || '',
    agency: params.get('agency') || '',
    field: params.get('field') || '',
  };
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
  const legend = h(
    'ul',
    { class: 'legend', 'aria-label': t('legend') },
    Object.keys(KINDS).map((k) => h('li', {}, swatch(k), t(`kind_${k}`))),
  );
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

  function submit(e) {
    e.preventDefault();
    const v = (n) => controls.querySelector(`[name="${n}"]`)?.value || '';
    go('graph', { locality: v('g-locality'), agency: v('g-agency'), field: v('g-field') });
  }

  try {
    const [docs, f] = await Promise.all([cached('documents'), cached('fields').catch(() => ({ items: [] }))]);
    const fields = f.items;
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
        fields.map((x) => ({ value: x.slug, label: fieldLabel(x) })),
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

  const center = state.agency || state.locality || state.field;
  if (!center) {
    mount(status, empty(t('pickLocality')));
    mount(listbox);
    return;
  }

  let cytoscape;
  try {
    cytoscape = (await import('/vendor/cytoscape.esm.mjs')).default;
  } catch (e) {
    mount(
      status,
      errorBox({ code: 'LIBRARY', message: `Cytoscape.js: ${e instanceof Error ? e.message : String(e)}` }),
    );
    return;
  }
  const cy = cytoscape({ container: canvas, style: cyStyle, elements: [], minZoom: 0.2, maxZoom: 2 });
  const nodes = new Map();
  const expanded = new Set();
  let order = [];
  let active = -1;
  let fieldTasks = null;

  function add(graph) {
    const els = [];
    for (const n of graph.nodes) {
      if (nodes.has(n.id)) continue;
      nodes.set(n.id, n);
      els.push({
        group: 'nodes',
        data: { id: n.id, kind: n.kind, label: n.label, short: short(n.label || n.id) },
      });
    }
    for (const e of graph.edges) {
      const id = `${e.source}|${e.type}|${e.target}`;
      if (cy.getElementById(id).length) continue;
      els.push({ group: 'edges', data: { id, source: e.source, target: e.target, type: e.type } });
    }
    cy.add(els);
    applyFilter();
    cy.layout({
      name: 'cose',
      animate: false,
      nodeDimensionsIncludeLabels: true,
      randomize: false,
      idealEdgeLength: () => 90,
      nodeRepulsion: () => 12000,
    }).run();
    drawList();
  }

  function applyFilter() {
    cy.nodes().removeClass('filtered');
    if (!fieldTasks) return;
    cy.nodes('[kind = "Task"]').forEach((n) => {
      if (!fieldTasks.has(n.id())) n.addClass('filtered');
    });
  }

  async function expand(id) {
    if (expanded.has(id)) return choose(id);
    mount(status, loading());
    try {
      const g = await get('graph', { center: id, depth: 1 });
      expanded.add(id);
      add(g);
      const node = cy.getElementById(id);
      node.addClass('expanded');
      cy.fit(node.closedNeighborhood(), 40);
      mount(status, `${nodes.size} · ${t('expand')}: ${short(nodes.get(id)?.label || id)}`);
      choose(id);
    } catch (e) {
      mount(status, errorBox(e));
    }
  }

  function drawList() {
    const rank = Object.keys(KINDS);
    order = [...nodes.values()]
      .filter((n) => !cy.getElementById(n.id).hasClass('filtered'))
      .sort(
        (a, b) =>
          rank.indexOf(a.kind) - rank.indexOf(b.kind) || String(a.label).localeCompare(String(b.label), 'vi'),
      );
    mount(
      listbox,
      order.map((n, i) =>
        h(
          'li',
          {
            role: 'option',
            id: `gopt-${i}`,
            'data-id': n.id,
            'data-kind': n.kind,
            'aria-selected': i === active ? 'true' : 'false',
            class: expanded.has(n.id) ? 'expanded' : null,
            onclick: () => void expand(n.id),
          },
          swatch(n.kind),
          h('span', { class: 'sr-only' }, `${t(`kind_${n.kind}`)}: `),
          short(n.label || n.id),
        ),
      ),
    );
    if (active >= order.length) active = order.length - 1;
    if (active >= 0) listbox.setAttribute('aria-activedescendant', `gopt-${active}`);
  }

  function choose(id) {
    const i = order.findIndex((n) => n.id === id);
    active = i;
    for (const li of listbox.children)
      li.setAttribute('aria-selected', li.dataset.id === id ? 'true' : 'false');
    if (i >= 0) {
      listbox.setAttribute('aria-activedescendant', `gopt-${i}`);
      const li = listbox.children[i];
      if (li.offsetTop < listbox.scrollTop) listbox.scrollTop = li.offsetTop;
      else if (li.offsetTop + li.offsetHeight > listbox.scrollTop + listbox.clientHeight)
        listbox.scrollTop = li.offsetTop + li.offsetHeight - listbox.clientHeight;
    }
    cy.nodes().unselect();
    cy.getElementById(id).select();
    void showDetails(nodes.get(id));
  }

  let detailsFor = null;
  async function showDetails(n) {
    detailsFor = n;
    if (!n) return mount(details, empty(t('pickNode')));
    const head = [
      h('p', {}, swatch(n.kind), ' ', h('strong', {}, t(`kind_${n.kind}`))),
      h('p', { class: 'node-label' }, n.label),
      n.kind === 'Agency' ? h('p', {}, h('a', { href: `#/agencies/${enc(n.id)}` }, t('openAgency'))) : null,
    ];
    const btn = expanded.has(n.id)
      ? null
      : h('button', { type: 'button', onclick: () => void expand(n.id) }, t('expand'));
    mount(details, head, btn, loading());
    let extra = [];
    try {
      if (n.kind === 'Task') {
        const task = (await cached('tasks', { document: docOf(n.id) })).items.find((x) => x.id === n.id);
        extra = task ? taskDetails(task) : [h('a', { href: docLink(docOf(n.id)) }, t('openDocument'))];
      } else if (n.kind === 'Document') {
        extra = [h('a', { href: docLink(n.id) }, t('openDocument'))];
      } else if (n.kind === 'Agency') {
        const a = await get(`agencies/${enc(n.id)}`);
        extra = [
          h('p', {}, `${t('lead')}: ${a.leads.length} · ${t('coordinating')}: ${a.coordinates.length}`),
          a.locality ? h('p', {}, `${t('locality')}: ${a.locality}`) : null,
        ];
      } else if (n.kind === 'Target') {
        const g = (await cached('targets', { document: docOf(n.id) })).items.find((x) => x.id === n.id);
        extra = g
          ? [
              h('p', {}, g.text || g.indicator),
              h('a', { href: docLink(g.documentId, g.passageId) }, t('source')),
            ]
          : [];
      }
    } catch (e) {
      extra = [
        errorBox(e),
        n.kind === 'Task' || n.kind === 'Target'
          ? h('a', { href: docLink(docOf(n.id)) }, t('openDocument'))
          : null,
      ];
    }
    if (detailsFor === n) mount(details, head, btn, extra);
  }

  function taskDetails(task) {
    const row = (k, v) => (v ? [h('dt', {}, t(k)), h('dd', {}, v)] : null);
    return [
      h(
        'dl',
        { class: 'kv' },
        row('lead', list(task.lead)),
        row('coordinating', list(task.coordinating)),
        row('deadline', task.deadline),
        row('product', task.product),
        row('row', task.row),
      ),
      h('a', { href: docLink(task.documentId, task.passageId), class: 'goto' }, `${t('source')} →`),
    ];
  }

  listbox.addEventListener('keydown', (e) => {
    if (order.length === 0) return;
    const moves = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: order.length - 1 };
    if (e.key in moves) {
      e.preventDefault();
      choose(order[Math.max(0, Math.min(order.length - 1, moves[e.key]))].id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      void expand(order[Math.max(active, 0)].id);
    }
  });
  listbox.addEventListener('focus', () => {
    if (active < 0 && order.length) choose(order[0].id);
  });
  canvas.addEventListener('keydown', (e) => {
    const sel = cy.nodes(':selected');
    if (e.key === 'Enter' && sel.length) {
      e.preventDefault();
      void expand(sel[0].id());
    }
  });
  cy.on('tap', 'node', (evt) => void expand(evt.target.id()));

  if (state.field && state.field !== center) {
    try {
      const fg = await get('graph', { center: state.field, depth: 1 });
      fieldTasks = new Set(fg.nodes.filter((n) => n.kind === 'Task').map((n) => n.id));
    } catch (e) {
      mount(status, errorBox(e, t('fieldFilter')));
    }
  }
  await expand(center);
  cy.getElementById(center).addClass('center');
}
