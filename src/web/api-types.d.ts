/**
 * Types of the JSON the page reads, shared with the server: the API's response types, inferred from its
 * zod schemas (src/api/responses.ts). Only the type checker reads this file (`npm run typecheck`,
 * tsconfig.web.json); the page imports it in JSDoc, so there is no build step.
 */
import type * as R from '../api/responses.ts';
import type * as A from '../api/analyst-responses.ts';

export type * from '../api/responses.ts';
export type * from '../api/analyst-responses.ts';
/** A kind of graph node (core/vocab/node-kinds.ts, the one definition; the page reads its names from `/api/graph/kinds`). */
export type NodeKind = R.NodeKindList['items'][number]['kind'];

/** Bodies of the GET routes under `/api/` that take no path parameter. */
export interface GetRoutes {
  health: R.Health;
  documents: R.DocumentList;
  search: R.SearchResponse;
  ask: R.AskResponse;
  tasks: R.TaskList;
  agencies: R.AgencyList;
  targets: R.TargetList;
  fields: R.FieldList;
  graph: R.Neighbourhood;
  'graph/kinds': R.NodeKindList;
  matrix: A.MatrixResponse;
  'saved-searches': A.SavedSearchList;
}

/** A GET path under `/api/`: a route of `GetRoutes` or one with a path parameter. */
export type GetPath =
  | keyof GetRoutes
  | `documents/${string}`
  | `agencies/${string}`
  | `localities/${string}`
  | `references/${string}`;

/** The body `get(path)` resolves to. */
export type GetBody<P extends string> = P extends keyof GetRoutes
  ? GetRoutes[P]
  : P extends `documents/${string}/implementers`
    ? R.ImplementationTree
    : P extends `documents/${string}`
      ? R.DocumentDetail
      : P extends `agencies/${string}`
        ? R.AgencyWithLineage
        : P extends `localities/${string}`
          ? R.LocalityWithLineage
          : P extends `references/${string}`
            ? R.LegalDocumentRow
            : never;

/** Bodies of the POST and DELETE routes `send(method, path, body)` calls (null: 204 No Content). */
export type SendBody<M extends 'POST' | 'DELETE', P extends string> = M extends 'DELETE'
  ? null
  : P extends 'saved-searches'
    ? A.SavedSearch
    : never;

/** What an upload resolves to: the ingest response, the error body, or null when the body is not JSON. */
export type UploadBody = R.IngestResponse | R.ErrorBody | null;

/** Query parameters as the page passes them (empty values are dropped). */
export type Params = Record<string, string | number | boolean | null | undefined>;
