/**
 * The graph's detail panel: the chosen node's kind and label, a button to expand it, and what the API
 * says about it (a task's lead, partners, deadline and source; an agency's counts; a target's text).
 */
import { cached, enc, get } from '../api.js';
import { t } from '../i18n.js';
import { docLink, empty, errorBox, h, list, loading, mount } from '../ui.js';
import { swatch } from './graph-style.js';

/**
 * @typedef {import('../api-types.d.ts').GraphNode} GraphNode
 * @typedef {import('../api-types.d.ts').TaskListItem} TaskListItem
 * @typedef {import('../ui-types.d.ts').Child} Child
 * @typedef {import('../kinds.js').Kinds} Kinds
 */

/** @param {string} id a task's or target's id, which starts with its document's */
const docOf = (id) => String(id).split(':')[0];

/**
 * @param {HTMLElement} el
 * @param {Kinds} kinds
 * @param {(id: string) => void} expand what the expand button does
 */
export function detailsPanel(el, kinds, expand) {
  /** @type {GraphNode | undefined} */
  let shown;
  return {
    /**
     * Shows a node (a hint to pick one when none), then what the API says about it.
     * @param {GraphNode | undefined} n
     * @param {boolean} isExpanded whether its neighbours are drawn already (no expand button then)
     */
    async show(n, isExpanded) {
      shown = n;
      if (!n) return void mount(el, empty(t('pickNode')));
      const head = [
        h('p', {}, swatch(n.kind), ' ', h('strong', {}, kinds.label(n.kind))),
        h('p', { class: 'node-label' }, n.label),
        n.kind === 'Agency' ? h('p', {}, h('a', { href: `#/agencies/${enc(n.id)}` }, t('openAgency'))) : null,
      ];
      const btn = isExpanded
        ? null
        : h('button', { type: 'button', onclick: () => expand(n.id) }, t('expand'));
      mount(el, head, btn, loading());
      const extra = await about(n);
      if (shown === n) mount(el, head, btn, extra);
    },
  };
}

/**
 * What the API says about a node, or the error with a link to its document.
 * @param {GraphNode} n
 * @returns {Promise<Child[]>}
 */
async function about(n) {
  try {
    if (n.kind === 'Task') {
      const task = (await cached('tasks', { document: docOf(n.id) })).items.find((x) => x.id === n.id);
      return task ? taskDetails(task) : [h('a', { href: docLink(docOf(n.id)) }, t('openDocument'))];
    }
    if (n.kind === 'Document') return [h('a', { href: docLink(n.id) }, t('openDocument'))];
    if (n.kind === 'Agency') {
      const a = await get(`agencies/${enc(n.id)}`);
      return [
        h('p', {}, `${t('lead')}: ${a.leads.length} · ${t('coordinating')}: ${a.coordinates.length}`),
        a.locality ? h('p', {}, `${t('locality')}: ${a.locality}`) : null,
      ];
    }
    if (n.kind === 'Target') {
      const g = (await cached('targets', { document: docOf(n.id) })).items.find((x) => x.id === n.id);
      return g
        ? [
            h('p', {}, g.text || g.indicator),
            h('a', { href: docLink(g.documentId, g.passageId) }, t('source')),
          ]
        : [];
    }
    return [];
  } catch (e) {
    return [
      errorBox(e),
      n.kind === 'Task' || n.kind === 'Target'
        ? h('a', { href: docLink(docOf(n.id)) }, t('openDocument'))
        : null,
    ];
  }
}

/** @param {TaskListItem} task */
function taskDetails(task) {
  /** @type {(k: string, v: string | null | undefined) => Child} */
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
