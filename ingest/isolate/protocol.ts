/** Messages between the analysis host and its worker (structured-clone safe). */
import type { ErrorCode } from '../../core/errors.ts';
import type { ManifestEntry } from '../../core/types.ts';
import type { Analysis } from '../analyse.ts';
import type { ParseOptions } from '../parse/index.ts';

export interface Job {
  id: number;
  file: { path: string; name: string; bytes: Uint8Array };
  manifest?: ManifestEntry | undefined;
  parse: Omit<ParseOptions, 'log'>;
}

export type Reply =
  | { id: number; kind: 'log'; line: string }
  | { id: number; kind: 'done'; analysis: Analysis }
  | { id: number; kind: 'failed'; code: ErrorCode; message: string; details: Record<string, unknown> };
