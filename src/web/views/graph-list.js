/**
 * The graph's node list: a focusable listbox beside the canvas (which is mouse-driven) giving the same
 * actions by keyboard — arrows, Home and End choose a node, Enter or Space expands it.
 */
import { h, mount } from '../ui.js';
import { short } from './graph-canvas.js';
import { swatch } from './graph-style.js';

/**
 * @typedef {import('../api-types.d.ts').GraphNode} GraphNode
 * @typedef {import('../kinds.js').Kinds} Kinds
 * @typedef {ReturnType<typeof nodeList>} NodeList
 */

/**
 * @param {HTMLUListElement} listbox
 * @param {Kinds} kinds
 * @param {{choose: (id: string) => void, expand: (id: string) => void}} on what choosing or expanding a node does
 */
export function nodeList(listbox, kinds, on) {
  /** @type {GraphNode[]} */
  let order = [];
  let active = -1;

  listbox.addEventListener('keydown', (e) => {
    if (order.length === 0) return;
    /** @type {Record<string, number>} */
    const moves = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: order.length - 1 };
    const move = moves[e.key];
    if (move !== undefined) {
      e.preventDefault();
      on.choose(order[Math.max(0, Math.min(order.length - 1, move))].id);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      on.expand(order[Math.max(active, 0)].id);
    }
  });
  listbox.addEventListener('focus', () => {
    if (active < 0 && order.length) on.choose(order[0].id);
  });

  return {
    /**
     * Lists the nodes by kind, then by label.
     * @param {Iterable<GraphNode>} nodes the visible nodes
     * @param {Set<string>} expanded ids of the expanded nodes
     */
    draw(nodes, expanded) {
      const rank = kinds.order;
      order = [...nodes].sort(
        (a, b) =>
          rank.indexOf(a.kind) - rank.indexOf(b.kind) || String(a.label).localeCompare(String(b.label), 'vi'),
      );
      mount(
        listbox,
        order.map((n, i) => option(n, i, i === active, expanded.has(n.id))),
      );
      if (active >= order.length) active = order.length - 1;
      if (active >= 0) listbox.setAttribute('aria-activedescendant', `gopt-${active}`);
    },
    /**
     * Marks a node as the chosen option and scrolls it into view.
     * @param {string} id
     */
    mark(id) {
      const i = order.findIndex((n) => n.id === id);
      active = i;
      for (const li of /** @type {HTMLCollectionOf<HTMLLIElement>} */ (listbox.children))
        li.setAttribute('aria-selected', li.dataset.id === id ? 'true' : 'false');
      if (i >= 0) {
        listbox.setAttribute('aria-activedescendant', `gopt-${i}`);
        scrollTo(listbox, /** @type {HTMLLIElement} */ (listbox.children[i]));
      }
    },
  };

  /**
   * @param {GraphNode} n
   * @param {number} i
   * @param {boolean} selected
   * @param {boolean} isExpanded
   */
  function option(n, i, selected, isExpanded) {
    return h(
      'li',
      {
        role: 'option',
        id: `gopt-${i}`,
        'data-id': n.id,
        'data-kind': n.kind,
        'aria-selected': selected ? 'true' : 'false',
        class: isExpanded ? 'expanded' : null,
        onclick: () => on.expand(n.id),
      },
      swatch(n.kind),
      h('span', { class: 'sr-only' }, `${kinds.label(n.kind)}: `),
      short(n.label || n.id),
    );
  }
}

/**
 * @param {HTMLElement} box
 * @param {HTMLElement} li
 */
function scrollTo(box, li) {
  if (li.offsetTop < box.scrollTop) box.scrollTop = li.offsetTop;
  else if (li.offsetTop + li.offsetHeight > box.scrollTop + box.clientHeight)
    box.scrollTop = li.offsetTop + li.offsetHeight - box.clientHeight;
}
