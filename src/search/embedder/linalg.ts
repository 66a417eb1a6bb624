/**
 * Small dense/sparse linear algebra for the offline embedder, in plain TypeScript on Float64Array.
 * Dense matrices are row-major `{ rows, cols, data }`; the sparse matrix is CSR.
 */

export interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface Csr {
  rows: number;
  cols: number;
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

export function dense(rows: number, cols: number): Dense {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** Deterministic PRNG (mulberry32) with a Box–Muller normal sampler. */
export function seededNormal(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

/** A · X for sparse A (n×m) and dense X (m×l): result n×l. */
export function csrTimesDense(a: Csr, x: Dense): Dense {
  const l = x.cols;
  const out = dense(a.rows, l);
  const xd = x.data;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    const base = i * l;
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const v = a.values[p]!;
      const xb = a.indices[p]! * l;
      for (let c = 0; c < l; c++) od[base + c]! += v * xd[xb + c]!;
    }
  }
  return out;
}

/** The transpose of a CSR matrix, as CSR (so Aᵀ·Y streams through Y's rows with good locality). */
export function csrTranspose(a: Csr): Csr {
  const counts = new Int32Array(a.cols + 1);
  for (let p = 0; p < a.indices.length; p++) counts[a.indices[p]! + 1]!++;
  for (let j = 0; j < a.cols; j++) counts[j + 1]! += counts[j]!;
  const indptr = Int32Array.from(counts);
  const next = Int32Array.from(counts);
  const indices = new Int32Array(a.indices.length);
  const values = new Float64Array(a.indices.length);
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.indptr[i]!; p < a.indptr[i + 1]!; p++) {
      const at = next[a.indices[p]!]!++;
      indices[at] = i;
      values[at] = a.values[p]!;
    }
  }
  return { rows: a.cols, cols: a.rows, indptr, indices, values };
}

/** Xᵀ · Y for dense X (n×a) and Y (n×b): result a×b. */
export function transposeTimes(x: Dense, y: Dense): Dense {
  const a = x.cols;
  const b = y.cols;
  const out = dense(a, b);
  const od = out.data;
  const xd = x.data;
  const yd = y.data;
  const symmetric = x === y;
  for (let r = 0; r < x.rows; r++) {
    const xb = r * a;
    const yb = r * b;
    for (let i = 0; i < a; i++) {
      const xv = xd[xb + i]!;
      if (xv === 0) continue;
      const ob = i * b;
      for (let j = symmetric ? i : 0; j < b; j++) od[ob + j]! += xv * yd[yb + j]!;
    }
  }
  if (symmetric) for (let i = 0; i < a; i++) for (let j = 0; j < i; j++) od[i * b + j] = od[j * b + i]!;
  return out;
}

/** X · M for dense X (n×a) and M (a×b): result n×b. */
export function times(x: Dense, m: Dense): Dense {
  const a = x.cols;
  const b = m.cols;
  const out = dense(x.rows, b);
  const od = out.data;
  const xd = x.data;
  const md = m.data;
  for (let r = 0; r < x.rows; r++) {
    const xb = r * a;
    const ob = r * b;
    for (let i = 0; i < a; i++) {
      const xv = xd[xb + i]!;
      if (xv === 0) continue;
      const mb = i * b;
      for (let j = 0; j < b; j++) od[ob + j]! += xv * md[mb + j]!;
    }
  }
  return out;
}
