/**
 * Symmetric eigen-decomposition: Householder tridiagonalisation followed by the implicit QL algorithm
 * (the EISPACK tred2/tql2 routines as published in JAMA). O(n³) with a small constant, ample for the
 * few-hundred-square matrices of the randomized SVD.
 */
import { type Dense, dense } from './linalg.ts';

/** Eigenvalues in descending order with the matching eigenvectors as columns of `vectors`. */
export function symmetricEigen(sym: Dense): { values: Float64Array; vectors: Dense } {
  const n = sym.rows;
  const v = Float64Array.from(sym.data);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  if (n > 0) {
    tred2(v, d, e, n);
    tql2(v, d, e, n);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => d[y]! - d[x]!);
  const values = new Float64Array(n);
  const vectors = dense(n, n);
  order.forEach((src, dst) => {
    values[dst] = d[src]!;
    for (let r = 0; r < n; r++) vectors.data[r * n + dst] = v[r * n + src]!;
  });
  return { values, vectors };
}

function tred2(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) d[j] = v[(n - 1) * n + j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]!);
    if (scale === 0) {
      e[i] = d[i - 1]!;
      for (let j = 0; j < i; j++) {
        d[j] = v[(i - 1) * n + j]!;
        v[i * n + j] = 0;
        v[j * n + i] = 0;
      }
    } else {
      h = householderStep(v, d, e, n, i, scale);
    }
    d[i] = h;
  }
  accumulate(v, d, e, n);
}

function householderStep(
  v: Float64Array,
  d: Float64Array,
  e: Float64Array,
  n: number,
  i: number,
  scale: number,
) {
  let h = 0;
  for (let k = 0; k < i; k++) {
    d[k]! /= scale;
    h += d[k]! * d[k]!;
  }
  let f = d[i - 1]!;
  let g = Math.sqrt(h);
  if (f > 0) g = -g;
  e[i] = scale * g;
  h -= f * g;
  d[i - 1] = f - g;
  for (let j = 0; j < i; j++) e[j] = 0;
  for (let j = 0; j < i; j++) {
    f = d[j]!;
    v[j * n + i] = f;
    g = e[j]! + v[j * n + j]! * f;
    for (let k = j + 1; k <= i - 1; k++) {
      g += v[k * n + j]! * d[k]!;
      e[k]! += v[k * n + j]! * f;
    }
    e[j] = g;
  }
  f = 0;
  for (let j = 0; j < i; j++) {
    e[j]! /= h;
    f += e[j]! * d[j]!;
  }
  const hh = f / (h + h);
  for (let j = 0; j < i; j++) e[j]! -= hh * d[j]!;
  for (let j = 0; j < i; j++) {
    f = d[j]!;
    g = e[j]!;
    for (let k = j; k <= i - 1; k++) v[k * n + j]! -= f * e[k]! + g * d[k]!;
    d[j] = v[(i - 1) * n + j]!;
    v[i * n + j] = 0;
  }
  return h;
}

function accumulate(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 0; i < n - 1; i++) {
    v[(n - 1) * n + i] = v[i * n + i]!;
    v[i * n + i] = 1;
    const h = d[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k * n + i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k * n + i + 1]! * v[k * n + j]!;
        for (let k = 0; k <= i; k++) v[k * n + j]! -= g * d[k]!;
      }
    }
    for (let k = 0; k <= i; k++) v[k * n + i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[(n - 1) * n + j]!;
    v[(n - 1) * n + j] = 0;
  }
  v[(n - 1) * n + n - 1] = 1;
  e[0] = 0;
}

function tql2(v: Float64Array, d: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = Math.pow(2, -52);
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n && Math.abs(e[m]!) > eps * tst1) m++;
    if (m >= n) m = n - 1;
    if (m > l) {
      let iter = 0;
      do {
        f += qlStep(v, d, e, n, l, m);
      } while (Math.abs(e[l]!) > eps * tst1 && ++iter < 100);
    }
    d[l] = d[l]! + f;
    e[l] = 0;
  }
}

/** One implicit QL sweep on the block l..m; returns the shift applied to d[l+2..]. */
function qlStep(v: Float64Array, d: Float64Array, e: Float64Array, n: number, l: number, m: number): number {
  let g = d[l]!;
  let p = (d[l + 1]! - g) / (2 * e[l]!);
  let r = Math.hypot(p, 1);
  if (p < 0) r = -r;
  d[l] = e[l]! / (p + r);
  d[l + 1] = e[l]! * (p + r);
  const dl1 = d[l + 1]!;
  let h = g - d[l];
  for (let i = l + 2; i < n; i++) d[i]! -= h;
  const shift = h;
  p = d[m]!;
  let c = 1;
  let c2 = c;
  let c3 = c;
  const el1 = e[l + 1]!;
  let s = 0;
  let s2 = 0;
  for (let i = m - 1; i >= l; i--) {
    c3 = c2;
    c2 = c;
    s2 = s;
    g = c * e[i]!;
    h = c * p;
    r = Math.hypot(p, e[i]!);
    e[i + 1] = s * r;
    s = e[i]! / r;
    c = p / r;
    p = c * d[i]! - s * g;
    d[i + 1] = h + s * (c * g + s * d[i]!);
    for (let k = 0; k < n; k++) {
      const vk = k * n;
      h = v[vk + i + 1]!;
      v[vk + i + 1] = s * v[vk + i]! + c * h;
      v[vk + i] = c * v[vk + i]! - s * h;
    }
  }
  p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
  e[l] = s * p;
  d[l] = c * p;
  return shift;
}
