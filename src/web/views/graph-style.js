/**
 * How each node kind is drawn: shape and colour, used both by Cytoscape and the HTML legend (colours pass
 * 3:1 on white). The kinds and their names are defined once, in core/vocab/node-kinds.ts (served at
 * /api/graph/kinds); typing this table by `NodeKind` makes the type check fail when a kind has no style.
 * @typedef {import('../api-types.d.ts').NodeKind} NodeKind
 * @typedef {'round-rectangle' | 'ellipse' | 'diamond' | 'triangle' | 'cut-rectangle' | 'hexagon' | 'star' | 'octagon' | 'rectangle'} Shape
 * @type {Record<NodeKind, {shape: Shape, color: string}>}
 */
export const KIND_STYLE = {
  Document: { shape: 'round-rectangle', color: '#1f5fa8' },
  Agency: { shape: 'ellipse', color: '#2e7d32' },
  Task: { shape: 'diamond', color: '#c25100' },
  Target: { shape: 'triangle', color: '#7b3fa0' },
  LegalDocument: { shape: 'cut-rectangle', color: '#5f6b7a' },
  Field: { shape: 'hexagon', color: '#00796b' },
  Locality: { shape: 'star', color: '#b3261e' },
  AgencyKind: { shape: 'octagon', color: '#8d6e63' },
  Section: { shape: 'rectangle', color: '#455a64' },
};

/** @type {import('cytoscape').StylesheetJson} */
export const cyStyle = [
  {
    selector: 'node',
    style: {
      label: 'data(short)',
      'font-size': 9,
      color: '#1b1b1b',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '110px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
      'text-background-padding': '1px',
      width: 18,
      height: 18,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, k]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { shape: k.shape, 'background-color': k.color },
  })),
  { selector: 'node.center', style: { width: 28, height: 28, 'font-weight': 'bold', 'font-size': 11 } },
  { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1b1b1b' } },
  {
    selector: 'node:selected',
    style: { 'overlay-color': '#ffbf00', 'overlay-opacity': 0.35, 'overlay-padding': 6 },
  },
  { selector: 'node.filtered', style: { display: 'none' } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#9aa5b1',
      'target-arrow-color': '#9aa5b1',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'bezier',
    },
  },
  {
    selector: 'edge[type = "LED_BY"]',
    style: { 'line-color': '#2e7d32', 'target-arrow-color': '#2e7d32', width: 2 },
  },
  {
    selector: 'edge[type = "COORDINATED_BY"]',
    style: { 'line-style': 'dashed', 'line-color': '#6a9f6c', 'target-arrow-color': '#6a9f6c' },
  },
];

/**
 * A small SVG swatch of a kind's shape for the legend.
 * @param {NodeKind} kind
 */
export function swatch(kind) {
  const k = KIND_STYLE[kind] || { shape: 'ellipse', color: '#777' };
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  /** @type {Record<Shape, [string, Record<string, string | number>]>} */
  const shapes = {
    rectangle: ['rect', { x: 1, y: 2, width: 14, height: 12 }],
    'round-rectangle': ['rect', { x: 1, y: 3, width: 14, height: 10, rx: 3 }],
    ellipse: ['circle', { cx: 8, cy: 8, r: 7 }],
    diamond: ['polygon', { points: '8,1 15,8 8,15 1,8' }],
    triangle: ['polygon', { points: '8,1 15,15 1,15' }],
    'cut-rectangle': ['polygon', { points: '3,2 13,2 15,4 15,12 13,14 3,14 1,12 1,4' }],
    hexagon: ['polygon', { points: '4,2 12,2 15,8 12,14 4,14 1,8' }],
    star: ['polygon', { points: '8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6' }],
    octagon: ['polygon', { points: '5,1 11,1 15,5 15,11 11,15 5,15 1,11 1,5' }],
  };
  const [tag, attrs] = shapes[k.shape] || shapes.ellipse;
  const el = document.createElementNS(ns, tag);
  for (const [a, v] of Object.entries(attrs)) el.setAttribute(a, String(v));
  el.setAttribute('fill', k.color);
  svg.append(el);
  return svg;
}
