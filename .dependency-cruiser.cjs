/**
 * The floors of policy-kg (DESIGN.md, "Layers"): scripts/tests → server (src/) → ingest → graph → core.
 * An import may only point down; core imports nothing of ours; no cycles. `npm run lint` runs this.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-the-bottom',
      comment:
        'core/ (Vietnamese text, errors, domain types, vocabularies) imports nothing of ours above it.',
      severity: 'error',
      from: { path: '^core/' },
      to: { path: '^(graph|ingest|src|scripts|tests)/' },
    },
    {
      name: 'graph-sits-on-core',
      comment: 'graph/ (Neo4j store, Cypher, local server) may import only core/.',
      severity: 'error',
      from: { path: '^graph/' },
      to: { path: '^(ingest|src|scripts|tests)/' },
    },
    {
      name: 'ingest-below-server',
      comment: 'ingest/ (parse, structure, extract, pipeline) may import graph/ and core/, never the server.',
      severity: 'error',
      from: { path: '^ingest/' },
      to: { path: '^(src|scripts|tests)/' },
    },
    {
      name: 'server-below-scripts',
      comment: 'The server (src/) never imports scripts or tests.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'search-below-ask-and-api',
      comment: 'Search receives the query analysis from its caller: src/search imports neither ask nor api.',
      severity: 'error',
      from: { path: '^src/search/' },
      to: { path: '^src/(ask|api)/' },
    },
    {
      name: 'ask-below-api',
      comment: 'Question answering does not import the HTTP layer.',
      severity: 'error',
      from: { path: '^src/ask/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|data|graph/launcher/target|src/web/vendor)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
