/**
 * @file The dispatches of one run of a WGSL kernel artifact, from its scalars: the persistent workgroups of a plain
 * kernel, or the two launches of a kernel with a launch axis (one workgroup per (grid task, chunk), then one per grid
 * task for the merge), and the scratch words they need. Pure, so it is tested without a GPU.
 */
import type { RunValues, SizeExpr, SizeOp, WgslKernelArtifact } from './artifact.js';

/** The most workgroups one dispatch dimension may have (WebGPU's default maxComputeWorkgroupsPerDimension). */
export const MAX_WORKGROUPS_PER_DIMENSION = 65535;

/** One dispatch: its entry point and its workgroup count. */
export interface Dispatch {
  readonly entryPoint: string;
  readonly workgroups: number;
}

/** The dispatches of a run, in order, and the scratch words of the run's f32 / i32 scratch buffers. */
export interface RunLaunch {
  readonly dispatches: readonly Dispatch[];
  readonly scratchF32: number;
  readonly scratchI32: number;
}

const floorDiv = (a: number, b: number): number => (b === 0 ? 0 : Math.floor(a / b));

const SIZE_OPS = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  idiv: floorDiv,
  mod: (a, b) => (b === 0 ? 0 : a - b * floorDiv(a, b)),
  min: Math.min,
  max: Math.max,
} satisfies Record<SizeOp, (a: number, b: number) => number>;

/** The value of `e` with the run's scalars. */
export function evalSize(e: SizeExpr, values: RunValues): number {
  if (typeof e === 'number') return e;
  if (typeof e === 'string') {
    const v = values.get(e);
    if (typeof v !== 'number') throw new Error(`webgpu: no value bound for scalar '${e}'`);
    return v;
  }
  return SIZE_OPS[e[0]](evalSize(e[1], values), evalSize(e[2], values));
}

/** The dispatches and scratch sizes of a run of `a` with `values`. */
export function runLaunch(a: WgslKernelArtifact, values: RunValues): RunLaunch {
  const l = a.launch;
  if (!l) return { dispatches: [{ entryPoint: a.entryPoint, workgroups: a.workgroups }], scratchF32: a.workgroups * a.scratchF32, scratchI32: a.workgroups * a.scratchI32 };
  const tasks = l.extents.reduce((t: number, e) => t * Math.max(0, evalSize(e, values)), 1);
  const chunks = Math.max(0, evalSize(l.chunks, values));
  // NOTE: past the dimension limit the workgroups walk the tasks with a stride of the count dispatched (num_workgroups).
  const dispatches = [
    { entryPoint: l.entryPoints[0], workgroups: Math.min(tasks * chunks, MAX_WORKGROUPS_PER_DIMENSION) },
    { entryPoint: l.entryPoints[1], workgroups: Math.min(tasks, MAX_WORKGROUPS_PER_DIMENSION) },
  ];
  const most = Math.max(...dispatches.map((d) => d.workgroups));
  return {
    dispatches,
    scratchF32: tasks * Math.max(1, l.taskScratchF32) + most * a.scratchF32,
    scratchI32: tasks * Math.max(1, l.taskScratchI32) + most * a.scratchI32,
  };
}
