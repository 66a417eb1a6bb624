/**
 * Truncated SVD of a sparse matrix by randomized subspace iteration (Halko, Martinsson & Tropp 2011):
 * a Gaussian sketch of the range, a few power iterations, then an exact eigen-decomposition of the small
 * projected Gram matrix. Deterministic for a given seed.
 */
import {
  type Csr,
  type Dense,
  csrTimesDense,
  csrTranspose,
  dense,
  seededNormal,
  transposeTimes,
  times,
} from './linalg.ts';
import { symmetricEigen } from './eigen.ts';

export interface SvdOptions {
  /** Extra sketch columns beyond `k` (default 10). */
  oversample?: number;
  /** Power iterations (default 2). */
  powerIterations?: number;
  seed?: number;
}

export interface TruncatedSvd {
  /** Singular values, descending (length k', k' ≤ k when the matrix has lower rank). */
  sigma: Float64Array;
  /** Right singular vectors as columns: cols × k'. */
  v: Dense;
}

export function randomizedSvd(a: Csr, k: number, opts: SvdOptions = {}): TruncatedSvd {
  const at = csrTranspose(a);
  const l = Math.max(1, Math.min(k + (opts.oversample ?? 10), a.rows, a.cols));
  const normal = seededNormal(opts.seed ?? 42);
  const omega = dense(a.cols, l);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = normal();
  let q = orthonormalize(csrTimesDense(a, omega));
  for (let it = 0; it < (opts.powerIterations ?? 2); it++) {
    q = orthonormalize(csrTimesDense(a, csrTimesDense(at, q)));
  }
  // Qᵀ A Aᵀ Q = Ũ Λ Ũᵀ  ⇒  A ≈ (Q Ũ) Σ Vᵀ with V = Aᵀ Q Ũ Σ⁻¹.
  const gram = transposeTimes(q, csrTimesDense(a, csrTimesDense(at, q)));
  const { values, vectors } = symmetricEigen(gram);
  const top = values[0] ?? 0;
  let kk = 0;
  while (kk < Math.min(k, values.length) && values[kk]! > Math.max(top * 1e-12, 0)) kk++;
  const uSmall = dense(vectors.rows, kk);
  for (let r = 0; r < vectors.rows; r++)
    for (let c = 0; c < kk; c++) uSmall.data[r * kk + c] = vectors.data[r * vectors.cols + c]!;
  const u = times(q, uSmall);
  const v = csrTimesDense(at, u);
  const sigma = new Float64Array(kk);
  for (let c = 0; c < kk; c++) sigma[c] = Math.sqrt(values[c]!);
  for (let r = 0; r < v.rows; r++) for (let c = 0; c < kk; c++) v.data[r * kk + c]! /= sigma[c]!;
  return { sigma, v };
}

/**
 * Orthonormal basis of the column space of Y (n×l) from the eigen-decomposition of YᵀY; directions with
 * negligible energy are dropped, so the result may have fewer columns than Y.
 */
export function orthonormalize(y: Dense): Dense {
  const { values, vectors } = symmetricEigen(transposeTimes(y, y));
  const max = values[0] ?? 0;
  let keep = 0;
  while (keep < values.length && values[keep]! > max * 1e-12 && values[keep]! > 0) keep++;
  const w = dense(y.cols, keep);
  for (let i = 0; i < y.cols; i++)
    for (let j = 0; j < keep; j++)
      w.data[i * keep + j] = vectors.data[i * y.cols + j]! / Math.sqrt(values[j]!);
  return times(y, w);
}
