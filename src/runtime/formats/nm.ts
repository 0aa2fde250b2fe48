/**
 * @file Weight format `nm(N, M)`, N:M structured sparsity. Per row r and group g of M consecutive k
 * (groups = ceil(k / M); the last group may be shorter, `k - g*M` positions), exactly N slots:
 *   values  Float32Array [n, groups * N]   value of slot s of group g of row r at r * groups * N + g * N + s
 *   indices Uint8Array  [n, groups * N]   position of that slot within its group (0..M-1), so its k coordinate
 *                                         is g * M + index
 * The nonzeros of a group occupy slots in ascending position order. A group with fewer than N nonzeros is padded
 * with value 0 at unused in-range positions (the smallest ones), and all N slots are then sorted ascending by
 * position (strictly ascending). Only a tail group shorter than N positions cannot have N distinct positions: its
 * extra slots repeat the group's last in-range position with value 0 (so every index is < k; indices are then
 * non-decreasing). Requires M <= 256 and 1 <= N <= M. Packing throws when a group holds more than N nonzeros.
 */
import { checkDense, typedArray, type WeightFormatPlugin } from './types.js';

/** N:M structured sparsity: N slots per group of M along k. */
export interface PackedNM {
  readonly format: 'nm';
  readonly n: number;
  readonly k: number;
  readonly keep: number;
  readonly group: number;
  readonly values: Float32Array;
  readonly indices: Uint8Array;
}

/** Packs a dense weight [n, k] as nm(N, M); throws when a group holds more than N nonzeros. */
export function packNM(w: ArrayLike<number>, n: number, k: number, N: number, M: number): PackedNM {
  checkDense(w, n, k);
  if (!Number.isInteger(M) || M < 1 || M > 256) throw new Error(`packing: nm group size M = ${M} must be in 1..256`);
  if (!Number.isInteger(N) || N < 1 || N > M) throw new Error(`packing: nm keep N = ${N} must be in 1..M (${M})`);
  const groups = Math.ceil(k / M);
  const values = new Float32Array(n * groups * N);
  const indices = new Uint8Array(n * groups * N);
  for (let r = 0; r < n; r++) {
    for (let g = 0; g < groups; g++) {
      const start = g * M;
      const width = Math.min(M, k - start);
      const nonzero: number[] = [];
      for (let p = 0; p < width; p++) if (w[r * k + start + p] !== 0) nonzero.push(p);
      if (nonzero.length > N) {
        throw new Error(
          `packing: weight row ${r}, k ${start}..${start + width - 1} has ${nonzero.length} nonzeros; nm(${N}, ${M}) allows at most ${N}`,
        );
      }
      const slot = (r * groups + g) * N;
      padSlots(nonzero, width, N).forEach((p, s) => {
        indices[slot + s] = p.position;
        values[slot + s] = p.isNonzero ? w[r * k + start + p.position]! : 0;
      });
    }
  }
  return { format: 'nm', n, k, keep: N, group: M, values, indices };
}

/** One slot of an nm group: its position, and whether it holds a nonzero (else padding, value 0). */
interface NMSlot {
  readonly position: number;
  readonly isNonzero: boolean;
}

/** The N slots of a group: its nonzeros, padded by unused (then repeated) in-range positions. */
function padSlots(nonzero: readonly number[], width: number, N: number): NMSlot[] {
  const used = new Set(nonzero);
  const slots: NMSlot[] = nonzero.map((position) => ({ position, isNonzero: true }));
  for (let p = 0; p < width && slots.length < N; p++) if (!used.has(p)) slots.push({ position: p, isNonzero: false });
  slots.sort((a, b) => a.position - b.position);
  while (slots.length < N) slots.push({ position: width - 1, isNonzero: false });
  return slots;
}

/** Unpacks nm storage to a dense [n, k] weight. */
export function unpackNM(p: PackedNM): Float32Array {
  const { n, k, keep, group } = p;
  const groups = Math.ceil(k / group);
  const w = new Float32Array(n * k);
  for (let r = 0; r < n; r++) {
    for (let g = 0; g < groups; g++) {
      for (let s = 0; s < keep; s++) {
        const slot = (r * groups + g) * keep + s;
        const col = g * group + p.indices[slot]!;
        if (p.values[slot] !== 0) w[r * k + col] = p.values[slot]!;
      }
    }
  }
  return w;
}

/** Checks slot indices: each inside its group and in range, ascending as packNM stores them. */
function checkNM(p: PackedNM, fail: (msg: string) => never): void {
  const { n, k } = p;
  const slots = n * Math.ceil(k / p.group) * p.keep;
  typedArray(fail, 'values', p.values, Float32Array, slots);
  typedArray(fail, 'indices', p.indices, Uint8Array, slots);
  for (let i = 0; i < slots; i++) {
    const g = Math.floor((i % (slots / n)) / p.keep);
    const at = g * p.group + p.indices[i]!;
    if (p.indices[i]! >= p.group || at >= k) fail(`index ${p.indices[i]} at slot ${i} is outside its group (positions ${g * p.group}..${Math.min(k, (g + 1) * p.group) - 1})`);
    // NOTE: slots ascend strictly by position; only a tail group narrower than keep repeats its last position, with value 0.
    if (i % p.keep === 0) continue;
    const [prev, cur] = [p.indices[i - 1]!, p.indices[i]!];
    const width = Math.min(p.group, k - g * p.group);
    const repeatOk = width < p.keep && cur === prev && cur === width - 1 && p.values[i] === 0;
    if (cur <= prev && !repeatOk) fail(`indices of group ${g} at slots ${i - 1}, ${i} must ascend strictly (${prev} then ${cur})`);
  }
}

/** The nm plug-in. */
export const NM: WeightFormatPlugin<'nm'> = {
  format: 'nm',
  text: (l) => `nm(${l.keep}, ${l.group})`,
  unit: (l) => [1, l.group],
  workPer: 'nonzero',
  anyDensity: false,
  pack: (l, w, n, k) => packNM(w, n, k, l.keep, l.group),
  unpack: unpackNM,
  check(p, l, fail) {
    if (p.keep !== l.keep || p.group !== l.group) fail(`is nm(${p.keep}, ${p.group}), the kernel wants nm(${l.keep}, ${l.group})`);
    checkNM(p, fail);
  },
  buffers: [{ name: 'w.indices', scalar: 'u8' }, { name: 'w.values', scalar: 'value' }],
  bindings: (p) => ({ 'w.values': p.values, 'w.indices': p.indices }),
};
