/**
 * @file The ISA-neutral part of element-wise loop nests (the wasm printer's strategy): element strides of an
 * operand broadcast to an output shape, and `collapse`, which merges adjacent dimensions every operand walks
 * contiguously and drops size-1 ones, so the innermost loop is as long as possible and vectorises.
 */

/** Element strides of a tile of shape `s` broadcast (numpy rules) to `shape`; broadcast dimensions get 0. */
export function broadcastStrides(s: readonly number[], shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length).fill(0);
  let st = 1;
  for (let i = s.length - 1; i >= 0; i--) {
    const d = shape.length - s.length + i;
    strides[d] = s[i] === 1 && shape[d] !== 1 ? 0 : st;
    st *= s[i]!;
  }
  return strides;
}

/** A collapsed nest: its shape, the output's strides and each tile operand's strides (null for scalars). */
export interface CollapsedNest {
  readonly shape: number[];
  readonly out: number[];
  readonly operands: (number[] | null)[];
}

/** Merges adjacent dimensions that the output and every tile operand walk contiguously; drops size-1 dimensions. */
export function collapse(shape: readonly number[], operands: readonly (readonly number[] | null)[], outStrides: readonly number[]): CollapsedNest {
  const dims = shape.map((_, d) => d).filter((d) => shape[d] !== 1);
  const newShape: number[] = [];
  const newOut: number[] = [];
  const newOps = operands.map((t) => (t ? ([] as number[]) : null));
  for (const d of dims) {
    const last = newShape.length - 1;
    const mergeable = last >= 0 && newOut[last] === outStrides[d]! * shape[d]! && operands.every((t, j) => !t || newOps[j]![last] === t[d]! * shape[d]!);
    if (mergeable) {
      newShape[last] = newShape[last]! * shape[d]!;
      newOut[last] = outStrides[d]!;
      operands.forEach((t, j) => { if (t) newOps[j]![last] = t[d]!; });
    } else {
      newShape.push(shape[d]!);
      newOut.push(outStrides[d]!);
      operands.forEach((t, j) => { if (t) newOps[j]!.push(t[d]!); });
    }
  }
  if (newShape.length === 0) {
    newShape.push(1);
    newOut.push(1);
    newOps.forEach((t) => t?.push(1));
  }
  return { shape: newShape, out: newOut, operands: newOps };
}
