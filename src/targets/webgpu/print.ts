/**
 * @file The WGSL module of one kernel: bindings, helpers, the header reads, and the body printed by the SIMT
 * strategy (src/targets/simt) in the WGSL spelling. Outer loops that form the grid become a strided walk over
 * tasks by a fixed number of persistent workgroups.
 */
import { WGSL_BINDINGS, type WgslKernelArtifact } from '../../runtime/webgpu/artifact.js';
import type { Node } from '../../ir/node.js';
import { ElementWriter } from '../simt/elements.js';
import { printGrid } from '../simt/kernel.js';
import { planSlots, rowShuffles } from '../simt/liveness.js';
import { layoutKernel, type Layout, type SlotPlan } from '../simt/layout.js';
import { BodyPrinter } from '../simt/statements.js';
import { VALUE_KIND } from '../simt/spelling.js';
import { Op } from '../../ir/ops.js';
import { targetDefaults } from '../../passes/apply-schedule.js';
import type { Schedule } from '../../passes/schedule.js';
import { CODEC, HELPERS, WGSL_TYPE } from './wgsl-table.js';
import { WGSL_SPELLING, headerIndex } from './wgsl-spelling.js';
import { usedMathHelpers } from './math-helpers.js';
import { LAUNCH_ENTRY, launchPhases, printLaunch, type LaunchPhase } from '../simt/launch.js';
import { launchOfLayout } from './launch.js';

/** Printer settings. */
export interface PrintOptions {
  /** Invocations per workgroup. */
  readonly workgroupSize: number;
  /** Persistent workgroups dispatched. */
  readonly workgroups: number;
  /** Bytes of workgroup memory the kernel may use for tiles (the device's maxComputeWorkgroupStorageSize, or less). */
  readonly workgroupBytes?: number;
  /** Optional WGSL features the kernel may use; the device must have been created with them. */
  readonly features?: WgslFeatures;
}

/** Optional WGSL features of a printed variant. */
export interface WgslFeatures {
  /** `enable subgroups;`: row reductions by subgroup shuffles (device feature `subgroups`). */
  readonly subgroups?: boolean;
  /** `enable f16;`: staged tiles of f16-storage inputs kept as f16 in workgroup memory (device feature `shader-f16`). */
  readonly f16?: boolean;
}

/** The `enable` directive and device feature of each WGSL feature. */
const FEATURE: Readonly<Record<keyof WgslFeatures, { enable: string; device: GPUFeatureName }>> = {
  subgroups: { enable: 'enable subgroups;', device: 'subgroups' },
  f16: { enable: 'enable f16;', device: 'shader-f16' },
};

/**
 * The printed variants of a kernel, best first; the plain f32 variant (no feature) is last and runs
 * everywhere. A runtime picks the first whose `requires` are all in `device.features` (the device must
 * also have been created with them, as `nodeDevice()` does for every feature the adapter has).
 */
export const WGSL_VARIANTS: readonly { readonly requires: readonly GPUFeatureName[]; readonly print: Partial<PrintOptions> }[] = [
  { requires: ['shader-f16', 'subgroups'], print: { features: { f16: true, subgroups: true } } },
  { requires: ['subgroups'], print: { features: { subgroups: true } } },
  { requires: ['shader-f16'], print: { features: { f16: true } } },
  { requires: [], print: {} },
];

/** The `print` options of the best variant of WGSL_VARIANTS a device with `features` can run. */
export function variantFor(features: ReadonlySetLike<string>): Partial<PrintOptions> {
  return WGSL_VARIANTS.find((v) => v.requires.every((f) => features.has(f)))!.print;
}

/** A set-like view (GPUSupportedFeatures or a Set). */
export interface ReadonlySetLike<T> {
  has(value: T): boolean;
}

/** The workgroup memory every WebGPU device has (the spec's default maxComputeWorkgroupStorageSize). */
export const WEBGPU_DEFAULT_WORKGROUP_BYTES = 16384;

/** The launch a schedule asks for: `workgroup_size` lanes per workgroup, `workgroups` persistent workgroups (targets/webgpu.json). */
export function launchOf(schedule: Pick<Schedule, 'extra'>): Pick<PrintOptions, 'workgroupSize' | 'workgroups'> {
  const at = (key: string): number => {
    const v = schedule.extra[key];
    if (typeof v !== 'number') throw new Error(`webgpu: schedule '${key}' is missing (targets/webgpu.json declares it)`);
    return v;
  };
  return { workgroupSize: at('workgroup_size'), workgroups: at('workgroups') };
}

/** Default printer settings: the launch of targets/webgpu.json (SwiftShader runs 2-16 workgroups at once; more only queue). */
export const DEFAULT_PRINT: PrintOptions = { ...launchOf({ extra: targetDefaults('webgpu') }), workgroupBytes: WEBGPU_DEFAULT_WORKGROUP_BYTES };

/** The binding declarations every module carries (the runtime binds the same table). */
const BINDINGS = WGSL_BINDINGS.map((b) => `@group(0) @binding(${b.binding}) ${b.wgsl};`).join('\n');

/** Declarations of the workgroup-memory tile arrays (none when no slot lives there). */
function workgroupArrays(layout: Layout): string[] {
  const out: string[] = [];
  if (layout.workgroupF > 0) out.push(`var<workgroup> wf: array<f32, ${layout.workgroupF}>;`);
  if (layout.workgroupI > 0) out.push(`var<workgroup> wi: array<i32, ${layout.workgroupI}>;`);
  if (layout.workgroupH > 0) out.push(`var<workgroup> wh: array<f16, ${layout.workgroupH}>;`);
  return out;
}

/** Function-scope declarations of the register tiles (one element per owned tile element). */
function registerDeclarations(layout: Layout): string[] {
  const out: string[] = [];
  for (const [n, reg] of layout.privates) {
    if (n.op === Op.RESULT || n.type.kind !== 'tile') continue;
    out.push(`  var ${reg.name}: array<${WGSL_TYPE[VALUE_KIND[n.type.scalar]]}, ${reg.count}>;`);
  }
  return out;
}

/** The body of `kernel` printed with `layout` (`phase`: which launch). */
function printBody(layout: Layout, opts: PrintOptions, phase: LaunchPhase | null, sharing?: ElementWriter): { p: BodyPrinter; w: ElementWriter } {
  const w = new ElementWriter(layout, WGSL_SPELLING, sharing);
  const p = new BodyPrinter(w, opts.workgroupSize, opts.features?.subgroups === true);
  layout.scalars.forEach((s, i) => {
    p.line(`let ${p.nameScalar(s, 'p')} = hdr(${1 + i}u); // ${String(s.arg)}`);
  });
  for (const o of layout.outputs) {
    const h = headerIndex(layout, o);
    p.line(`let oo${o.index} = hdr(${h}u); // ${String(o.node.arg)}`);
    p.line(`let ol${o.index} = hdr(${h + 1}u);`);
  }
  const scratch = { f: Math.max(1, layout.scratchF), i: Math.max(1, layout.scratchI) };
  if (phase) printLaunch(p, layout, 'nwg', phase, scratch);
  else {
    p.line(`let sbf = wid * ${scratch.f};`);
    p.line(`let sbi = wid * ${scratch.i};`);
    printGrid(p, layout, `${opts.workgroups}`);
  }
  p.flush();
  return { p, w };
}

/** Plans slots on the IR: owner-only tiles go to registers; live ranges let the rest share memory. */
function planWgslSlots(kernel: Node, opts: PrintOptions): SlotPlan {
  const shuffles = rowShuffles(opts.features?.subgroups === true, () => true);
  const plan = planSlots(kernel, { lanes: opts.workgroupSize, registerWords: Number.POSITIVE_INFINITY, shuffles });
  return { ...plan, halfStaging: opts.features?.f16 === true, stagedFirst: true };
}

/** Prints `kernel` (final tile IR) as a WGSL kernel artifact. */
export function printWgsl(kernel: Node, name: string, opts: PrintOptions = DEFAULT_PRINT): WgslKernelArtifact {
  const layout = layoutKernel(kernel, Math.floor((opts.workgroupBytes ?? 0) / 4), planWgslSlots(kernel, opts));
  const bodies: { phase: LaunchPhase | null; p: BodyPrinter; w: ElementWriter }[] = [];
  for (const phase of launchPhases(layout)) bodies.push({ phase, ...printBody(layout, opts, phase, bodies[0]?.w) });
  // NOTE: a feature asked for but not used (no f16 staged tile, no subgroup reduction) is neither enabled nor required,
  // so the build can drop a variant that would only duplicate a lesser one.
  const used: Record<keyof WgslFeatures, boolean> = { f16: layout.workgroupH > 0, subgroups: bodies.some((b) => b.p.usedShuffles) };
  const features = (Object.keys(FEATURE) as (keyof WgslFeatures)[]).filter((f) => opts.features?.[f] && used[f]);
  const launch = layout.launch !== null;
  const entry = (b: (typeof bodies)[number]): string[] => [
    `@compute @workgroup_size(${opts.workgroupSize})`,
    `fn ${b.phase ? LAUNCH_ENTRY[b.phase] : 'main'}(@builtin(local_invocation_index) lid_u: u32, @builtin(workgroup_id) wid_u: vec3<u32>${launch ? ', @builtin(num_workgroups) nwg_u: vec3<u32>' : ''}${used.subgroups ? ', @builtin(subgroup_size) sg_size: u32' : ''}) {`,
    `  let lid = i32(lid_u);`,
    `  let wid = i32(wid_u.x);`,
    ...(launch ? [`  let nwg = i32(nwg_u.x);`] : []),
    ...registerDeclarations(layout),
    ...b.p.lines,
    `}`,
  ];
  const wgsl = [
    ...features.map((f) => FEATURE[f].enable),
    `// sparsec: kernel ${name} (generated; do not edit)`,
    BINDINGS,
    ...workgroupArrays(layout),
    HELPERS.trim(),
    ...bodies[0]!.w.helpers.values(),
    ...usedMathHelpers(bodies.map((b) => b.p.lines.join('\n')).join('\n')),
    ...bodies.flatMap(entry),
    '',
  ].join('\n');
  return {
    format: 'sparsec-wgsl-1',
    name,
    wgsl,
    entryPoint: 'main',
    workgroupSize: opts.workgroupSize,
    workgroups: opts.workgroups,
    scratchF32: Math.max(1, layout.scratchF),
    scratchI32: Math.max(1, layout.scratchI),
    scalars: layout.scalars.map((s) => String(s.arg)),
    inputs: layout.inputs.map((b) => ({ name: String(b.node.arg), codec: CODEC[b.scalar] })),
    outputs: layout.outputs.map((b) => ({ name: String(b.node.arg), codec: CODEC[b.scalar] })),
    ...(features.length > 0 ? { requires: features.map((f) => FEATURE[f].device) } : {}),
    ...(launch ? { launch: launchOfLayout(layout) } : {}),
  };
}
