/**
 * The graph's canvas: the one module that talks to Cytoscape.js (vendored ES module at
 * /vendor/cytoscape.esm.mjs), a mature graph library with several layouts, shipped as an ES module build
 * in its npm package (no CDN, no build step), rendering into an ordinary container we can label for
 * assistive tech. The rest of the view sees nodes by id only.
 */
import { cyStyle } from './graph-style.js';

/**
 * @typedef {import('../api-types.d.ts').Neighbourhood} Neighbourhood
 * @typedef {typeof import('cytoscape')} CytoscapeFactory
 * @typedef {ReturnType<typeof canvasOf>} Canvas
 */

/** @returns {Promise<CytoscapeFactory>} the Cytoscape.js factory, loaded on first use */
export async function loadCytoscape() {
  return (await import('/vendor/cytoscape.esm.mjs')).default;
}

/** @param {string} s a label, cut to 40 characters for the canvas and the list */
export const short = (s) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);

/**
 * A Cytoscape graph in `container`; tapping a node, or Enter on the canvas with a node selected, calls
 * `onActivate` with its id.
 * @param {CytoscapeFactory} cytoscape
 * @param {HTMLElement} container
 * @param {(id: string) => void} onActivate
 */
export function canvasOf(cytoscape, container, onActivate) {
  const cy = cytoscape({ container, style: cyStyle, elements: [], minZoom: 0.2, maxZoom: 2 });
  /** @type {Set<string> | null} */
  let shownTasks = null;

  const hideTasks = () => {
    cy.nodes().removeClass('filtered');
    if (!shownTasks) return;
    const shown = shownTasks;
    cy.nodes('[kind = "Task"]').forEach((n) => {
      if (!shown.has(n.id())) n.addClass('filtered');
    });
  };

  container.addEventListener('keydown', (e) => {
    const sel = cy.nodes(':selected');
    if (e.key === 'Enter' && sel.length) {
      e.preventDefault();
      onActivate(sel[0].id());
    }
  });
  cy.on('tap', 'node', (evt) =>
    onActivate(/** @type {import('cytoscape').NodeSingular} */ (evt.target).id()),
  );

  return {
    /**
     * Adds the nodes and edges not drawn yet and lays the graph out again.
     * @param {Neighbourhood} graph
     */
    add(graph) {
      /** @type {import('cytoscape').ElementDefinition[]} */
      const els = [];
      for (const n of graph.nodes) {
        if (cy.getElementById(n.id).length) continue;
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
      hideTasks();
      layout(cy);
    },
    /**
     * Shows only these tasks (all when null).
     * @param {Set<string> | null} ids
     */
    showTasks(ids) {
      shownTasks = ids;
      hideTasks();
    },
    /** @param {string} id */
    hidden: (id) => cy.getElementById(id).hasClass('filtered'),
    /**
     * Marks a node as expanded and fits the view to it and its neighbours.
     * @param {string} id
     */
    expanded(id) {
      const node = cy.getElementById(id);
      node.addClass('expanded');
      cy.fit(node.closedNeighborhood(), 40);
    },
    /** @param {string} id */
    select(id) {
      cy.nodes().unselect();
      cy.getElementById(id).select();
    },
    /** @param {string} id */
    markCentre: (id) => cy.getElementById(id).addClass('center'),
  };
}

/** @param {import('cytoscape').Core} cy */
function layout(cy) {
  cy.layout({
    name: 'cose',
    animate: false,
    nodeDimensionsIncludeLabels: true,
    randomize: false,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 12000,
  }).run();
}
