/**
 * @file Checks of a weight a caller packed themselves (`run({ x, w: packed })`) before any kernel reads it: the
 * format and its parameters match the kernel, array types and lengths match [n, k], and every stored index is in
 * range and ordered as its format plug-in (`runtime/formats/`) defines, so a kernel never reads outside its tiles.
 */
import type { GemmKernel } from '../../model/kernel.js';
import { weightFormat, type PackedWeight } from '../formats/index.js';

/** Throws a clear error when `w` does not fit `kernel` (n x k, its weight format) as its format plug-in defines it. */
export function checkPackedWeight(kernel: GemmKernel, w: PackedWeight): void {
  const fail = (msg: string): never => {
    throw new Error(`${kernel.name}: packed weight: ${msg}`);
  };
  const [n, k] = [kernel.n as number, kernel.k as number];
  const f = kernel.weight;
  if (w.format !== f.format) fail(`format is ${w.format}, the kernel wants ${f.format}`);
  if (w.n !== n || w.k !== k) fail(`is [${w.n}, ${w.k}], the kernel's weight is [n, k] = [${n}, ${k}]`);
  weightFormat(w.format).check(w, f, fail);
}
