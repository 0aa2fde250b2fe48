/// <reference types="@webgpu/types" preserve="true" />
/**
 * @file Runs a WGSL kernel artifact on a GPUDevice (Dawn in Node, or a browser): packs the header and
 * the input regions into one arena, dispatches, and decodes the output arena into Float32Arrays.
 */
import { INPUT_ALIGN_WORDS, WGSL_BINDINGS, type ArenaBuffer, type RunValues, type WgslKernelArtifact } from './artifact.js';
import { DECODE, ENCODE, wordsFor } from './codec.js';
import { runLaunch } from './launch.js';

/** A kernel compiled into a pipeline on one device. */
export interface PreparedKernel {
  readonly artifact: WgslKernelArtifact;
  /** Runs with `values` (scalars and inputs by name) and fills `outputs` (also used as initial contents). */
  run(values: RunValues, outputs: Readonly<Record<string, Float32Array>>): Promise<void>;
  /** Makes the buffers of a run once, for repeated dispatches (benchmarks). */
  bind(values: RunValues, outputs: Readonly<Record<string, Float32Array>>): BoundRun;
  dispose(): void;
}

const STORAGE = 0x80; // GPUBufferUsage.STORAGE
const COPY_SRC = 0x04;
const COPY_DST = 0x08;
const MAP_READ = 0x01;
const MAP_MODE_READ = 0x01;
const COMPUTE = 0x4; // GPUShaderStage.COMPUTE

const layouts = new WeakMap<GPUDevice, GPUBindGroupLayout>();

/** The one bind group layout of every kernel (WGSL_BINDINGS). */
function bindGroupLayout(device: GPUDevice): GPUBindGroupLayout {
  let l = layouts.get(device);
  if (!l) {
    l = device.createBindGroupLayout({ entries: WGSL_BINDINGS.map((b) => ({ binding: b.binding, visibility: COMPUTE, buffer: { type: b.type } })) });
    layouts.set(device, l);
  }
  return l;
}

/** Compiles `artifact` on `device`; rejects with the WGSL compiler's messages when it does not compile. */
export async function prepareKernel(device: GPUDevice, artifact: WgslKernelArtifact): Promise<PreparedKernel> {
  device.pushErrorScope('validation');
  const module = device.createShaderModule({ code: artifact.wgsl, label: artifact.name });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === 'error');
  if (errors.length > 0) {
    await device.popErrorScope();
    throw new Error(`WGSL of ${artifact.name} does not compile: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
  }
  // NOTE: createComputePipelineAsync aborts the process in the webgpu npm package (0.6.2); the sync call is fine.
  const pipeline = new Map<string, GPUComputePipeline>();
  try {
    const layout = device.createPipelineLayout({ bindGroupLayouts: [bindGroupLayout(device)] });
    for (const entryPoint of artifact.launch?.entryPoints ?? [artifact.entryPoint]) {
      pipeline.set(entryPoint, device.createComputePipeline({ layout, compute: { module, entryPoint }, label: `${artifact.name}.${entryPoint}` }));
    }
  } finally {
    const err = await device.popErrorScope();
    if (err) throw new Error(`pipeline of ${artifact.name}: ${err.message}`);
  }
  return {
    artifact,
    run: (values, outputs) => runPipeline(device, pipeline, artifact, values, outputs),
    bind: (values, outputs) => bindRun(device, pipeline, artifact, values, outputs),
    dispose: () => undefined,
  };
}

/** A run that takes longer than this is reported as an error instead of waiting forever. */
export const RUN_TIMEOUT_MS = 120_000;

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function lengthOf(v: number | ArrayLike<number> | undefined, name: string): ArrayLike<number> {
  if (v === undefined || typeof v === 'number') throw new Error(`webgpu: no buffer bound for '${name}'`);
  return v;
}

const alignUp = (words: number, to: number): number => Math.ceil(words / to) * to;

/** Header and input regions as one word array; each region starts at a multiple of INPUT_ALIGN_WORDS. */
function packInputs(a: WgslKernelArtifact, values: RunValues, outputs: Readonly<Record<string, Float32Array>>): Uint32Array {
  const headerWords = 1 + a.scalars.length + 2 * (a.inputs.length + a.outputs.length);
  let at = headerWords;
  const placed = a.inputs.map((slot) => {
    const data = lengthOf(values.get(slot.name), slot.name);
    const offset = alignUp(at, INPUT_ALIGN_WORDS);
    at = offset + Math.max(1, wordsFor(slot.codec, data.length));
    return { slot, data, offset };
  });
  const words = new Uint32Array(at);
  const header = new Int32Array(words.buffer);
  header[0] = 0xff800000 | 0;
  a.scalars.forEach((name, i) => {
    const v = values.get(name);
    if (typeof v !== 'number') throw new Error(`webgpu: no value bound for scalar '${name}'`);
    header[1 + i] = v;
  });
  let h = 1 + a.scalars.length;
  for (const p of placed) {
    header[h++] = p.offset;
    header[h++] = p.data.length;
    ENCODE[p.slot.codec](words, p.offset, p.data);
  }
  let o = 0;
  for (const slot of a.outputs) {
    const n = outputs[slot.name]?.length ?? 0;
    header[h++] = o;
    header[h++] = n;
    o += Math.max(1, wordsFor(slot.codec, n));
  }
  return words;
}

/** A run whose buffers are made once: dispatch it repeatedly, read the outputs when wanted. */
export interface BoundRun {
  /** Dispatches once and waits for the GPU; resolves to the GPU time in ms from timestamp queries, or null without them. */
  execute(): Promise<number | null>;
  /** Copies the output arena back and decodes it into the output arrays. */
  read(): Promise<void>;
  /** Destroys the buffers. */
  release(): void;
}

const QUERY_RESOLVE = 0x200; // GPUBufferUsage.QUERY_RESOLVE

/** Timestamp writes around the pass and the buffers that read them back (null without `timestamp-query`). */
function timestamps(device: GPUDevice, make: (bytes: number, usage: number) => GPUBuffer): { set: GPUQuerySet; resolve: GPUBuffer; read: GPUBuffer } | null {
  if (!device.features.has('timestamp-query')) return null;
  const set = device.createQuerySet({ type: 'timestamp', count: 2 });
  return { set, resolve: make(16, QUERY_RESOLVE | COPY_SRC), read: make(16, MAP_READ | COPY_DST) };
}

/** Makes the buffers and the bind group of one run; `execute` only encodes the dispatch. */
export function bindRun(
  device: GPUDevice,
  pipeline: ReadonlyMap<string, GPUComputePipeline>,
  a: WgslKernelArtifact,
  values: RunValues,
  outputs: Readonly<Record<string, Float32Array>>,
): BoundRun {
  const input = packInputs(a, values, outputs);
  const outOffsets: number[] = [];
  let outWords = 0;
  for (const slot of a.outputs) {
    outOffsets.push(outWords);
    outWords += Math.max(1, wordsFor(slot.codec, outputs[slot.name]?.length ?? 0));
  }
  const outInit = new Uint32Array(Math.max(1, outWords));
  a.outputs.forEach((slot, i) => {
    const data = outputs[slot.name];
    if (data) ENCODE[slot.codec](outInit, outOffsets[i]!, data);
  });
  const made: GPUBuffer[] = [];
  const makeBytes = (bytes: number, usage: number, init?: Uint32Array): GPUBuffer => {
    const b = device.createBuffer({ size: Math.max(16, Math.ceil(bytes / 16) * 16), usage, mappedAtCreation: init !== undefined });
    if (init) {
      new Uint32Array(b.getMappedRange()).set(init);
      b.unmap();
    }
    made.push(b);
    return b;
  };
  const make = (words: number, usage: number, init?: Uint32Array): GPUBuffer => makeBytes(words * 4, usage, init);
  const querySets: GPUQuerySet[] = [];
  try {
    const inBuf = make(input.length, STORAGE, input);
    const outBuf = make(outInit.length, STORAGE | COPY_SRC, outInit);
    const launch = runLaunch(a, values);
    const sf = make(launch.scratchF32, STORAGE);
    const si = make(launch.scratchI32, STORAGE);
    const readBuf = make(outInit.length, MAP_READ | COPY_DST);
    const ts = timestamps(device, makeBytes);
    if (ts) querySets.push(ts.set);
    device.pushErrorScope('validation');
    const shown: Record<ArenaBuffer, GPUBuffer> = { input: inBuf, output: outBuf, scratchF32: sf, scratchI32: si };
    const bind = device.createBindGroup({
      layout: bindGroupLayout(device),
      entries: WGSL_BINDINGS.map((b) => ({ binding: b.binding, resource: { buffer: shown[b.buffer] } })),
    });
    const checkScope = async (): Promise<void> => {
      const err = await device.popErrorScope();
      if (err) throw new Error(`webgpu: ${a.name}: ${err.message}`);
    };
    const bindChecked = checkScope();
    bindChecked.catch(() => undefined);
    const execute = async (): Promise<number | null> => {
      await bindChecked;
      device.pushErrorScope('validation');
      const enc = device.createCommandEncoder();
      const pass = enc.beginComputePass(ts ? { timestampWrites: { querySet: ts.set, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 } } : {});
      pass.setBindGroup(0, bind);
      // NOTE: dispatches of one pass run in order, each seeing the storage writes of those before it.
      for (const d of launch.dispatches) {
        if (d.workgroups === 0) continue;
        pass.setPipeline(pipeline.get(d.entryPoint)!);
        pass.dispatchWorkgroups(d.workgroups);
      }
      pass.end();
      if (ts) {
        enc.resolveQuerySet(ts.set, 0, 2, ts.resolve, 0);
        enc.copyBufferToBuffer(ts.resolve, 0, ts.read, 0, 16);
      }
      device.queue.submit([enc.finish()]);
      await checkScope();
      await withTimeout(device.queue.onSubmittedWorkDone(), RUN_TIMEOUT_MS, `webgpu: ${a.name} did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
      if (!ts) return null;
      await ts.read.mapAsync(MAP_MODE_READ);
      const ticks = new BigUint64Array(ts.read.getMappedRange().slice(0, 16));
      ts.read.unmap();
      return ticks[1]! > ticks[0]! ? Number(ticks[1]! - ticks[0]!) / 1e6 : 0;
    };
    const read = async (): Promise<void> => {
      const enc = device.createCommandEncoder();
      enc.copyBufferToBuffer(outBuf, 0, readBuf, 0, outBuf.size);
      device.queue.submit([enc.finish()]);
      await withTimeout(readBuf.mapAsync(MAP_MODE_READ), RUN_TIMEOUT_MS, `webgpu: ${a.name} did not finish within ${RUN_TIMEOUT_MS / 1000} s`);
      const words = new Uint32Array(readBuf.getMappedRange().slice(0));
      readBuf.unmap();
      a.outputs.forEach((slot, i) => {
        const data = outputs[slot.name];
        if (data) DECODE[slot.codec](words, outOffsets[i]!, data);
      });
    };
    const release = (): void => {
      for (const b of made) b.destroy();
      for (const q of querySets) q.destroy();
    };
    return { execute, read, release };
  } catch (err) {
    for (const b of made) b.destroy();
    throw err;
  }
}

async function runPipeline(
  device: GPUDevice,
  pipeline: ReadonlyMap<string, GPUComputePipeline>,
  a: WgslKernelArtifact,
  values: RunValues,
  outputs: Readonly<Record<string, Float32Array>>,
): Promise<void> {
  const bound = bindRun(device, pipeline, a, values, outputs);
  try {
    await bound.execute();
    await bound.read();
  } finally {
    bound.release();
  }
}
