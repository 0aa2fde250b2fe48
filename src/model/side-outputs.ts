/**
 * @file Side outputs of attention kernels as plain data (model/kernel.ts `SideOutput`): their element counts and the
 * range check of segment ids, shared by the float64 reference, the verify harness and the generated library's runtime.
 */
import type { AttentionKernel, AttentionSizes, SideOutput } from './kernel.js';
import type { RuntimeValues } from './values.js';

/** The element count of a side output for `sizes`. */
export function sideOutputLength(side: SideOutput, sizes: AttentionSizes): number {
  const slices = sizes.batch * sizes.heads;
  if (side.kind === 'block_max') return slices * Math.ceil(sizes.qLen / side.bq) * Math.ceil(sizes.kvLen / side.bk);
  return slices * sizes.qLen * side.count;
}

/**
 * Range-checks the segment ids of every segment_mass output: an id outside [0, count) is an input error,
 * thrown before anything runs.
 */
export function checkSegmentIds(kernel: AttentionKernel, sizes: AttentionSizes, values: RuntimeValues): void {
  for (const side of kernel.sideOutputs ?? []) {
    if (side.kind !== 'segment_mass') continue;
    const ids = values[side.segments] as Int32Array;
    const bad = ids.findIndex((id) => !(id >= 0 && id < side.count));
    if (bad >= 0) throw new Error(`${kernel.name}: ${side.segments}[${bad}] = ${ids[bad]} is not a segment id in [0, ${side.count})`);
  }
}
