// @file The browser bench page (plain ES module, served by src/bench/browser/server.ts; it lives beside the driver
// because tsc copies no assets and both src/ and dist/ runs read it here). Per case it runs sparsec's WGSL kernel
// through the runtime and onnxruntime-web's WebGPU backend on the same inputs; each timed run ends when the output
// is back in JS memory. The Node driver calls window.benchPage.init() and window.benchPage.runCase(id, timing).
import { prepareKernel } from '/runtime/webgpu/run.js';
import { deviceDescriptor } from '/runtime/webgpu/device-request.js';
import * as ort from '/ort/ort.webgpu.min.mjs';

const TYPED = { f32: Float32Array, i32: Int32Array, u32: Uint32Array, u8: Uint8Array, bytes: Uint8Array };
const STORAGE = 0x80;
const COPY_SRC = 0x04;
const COPY_DST = 0x08;

/** A typed view of one blob region ({ type, offset, length }). */
const view = (buffer, ref) => new TYPED[ref.type](buffer, ref.offset, ref.length);
const log = (message) => { document.getElementById('log').textContent += `${message}\n`; };

let sparsecDevice = null;

/** Warm-up runs, then timed runs until both minRuns and minMs are met (or maxRuns); milliseconds per run. */
async function timeRuns(run, timing) {
  for (let i = 0; i < timing.warmup; i++) await run();
  const samples = [];
  let total = 0;
  while (samples.length < timing.maxRuns && (samples.length < timing.minRuns || total < timing.minMs)) {
    const start = performance.now();
    await run();
    const elapsed = performance.now() - start;
    samples.push(elapsed);
    total += elapsed;
  }
  return samples;
}

async function postOutput(id, impl, data) {
  const res = await fetch(`/output/${id}/${impl}`, { method: 'POST', body: data });
  if (!res.ok) throw new Error(`posting the ${impl} output of ${id} failed: ${res.status}`);
}

/** sparsec: the artifact compiled on this page's device, buffers bound once; a run is one dispatch plus the readback. */
async function runSparsec(id, manifest, buffer, timing) {
  const s = manifest.sparsec;
  const values = new Map(Object.entries(s.scalars));
  for (const [name, ref] of Object.entries(s.arrays)) values.set(name, view(buffer, ref));
  const outputs = {};
  for (const [name, length] of Object.entries(s.outputs)) outputs[name] = new Float32Array(length).fill(NaN);
  const kernel = await prepareKernel(sparsecDevice, s.artifact);
  const bound = kernel.bind(values, outputs);
  try {
    const samples = await timeRuns(async () => {
      await bound.execute();
      await bound.read();
    }, timing);
    await postOutput(id, 'sparsec', outputs[s.result]);
    return samples;
  } finally {
    bound.release();
    kernel.dispose();
  }
}

/** onnxruntime-web: inputs uploaded once into GPU buffers of its own device; a run is session.run with the output read back to JS. */
async function runOrt(id, o, buffer, timing) {
  const session = await ort.InferenceSession.create(view(buffer, o.model), { executionProviders: ['webgpu'], graphOptimizationLevel: 'all' });
  const device = await ort.env.webgpu.device;
  const gpuBuffers = [];
  try {
    const feeds = {};
    for (const input of o.inputs) {
      const data = view(buffer, input.data);
      const gpu = device.createBuffer({ size: Math.max(16, Math.ceil(data.byteLength / 16) * 16), usage: STORAGE | COPY_SRC | COPY_DST });
      device.queue.writeBuffer(gpu, 0, data);
      gpuBuffers.push(gpu);
      feeds[input.name] = ort.Tensor.fromGpuBuffer(gpu, { dataType: 'float32', dims: input.dims });
    }
    let last = null;
    const samples = await timeRuns(async () => {
      const result = await session.run(feeds);
      last = result[o.output];
    }, timing);
    if (!last || last.location !== 'cpu') throw new Error(`onnxruntime-web returned ${last ? `a ${last.location} tensor` : 'no output'} for ${o.output}`);
    await postOutput(id, o.key, last.data);
    return samples;
  } finally {
    await session.release();
    for (const b of gpuBuffers) b.destroy();
  }
}

async function init() {
  if (!navigator.gpu) throw new Error('navigator.gpu is missing (WebGPU is off in this browser)');
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter');
  // the features sparsec's WGSL variants may use, and the adapter's limits (as the library asks for them)
  sparsecDevice = await adapter.requestDevice(deviceDescriptor(adapter));
  ort.env.wasm.wasmPaths = '/ort/';
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const info = adapter.info ?? {};
  const adapterLine = `${info.vendor ?? ''} ${info.architecture ?? ''} ${info.description ?? ''}`.replace(/\s+/g, ' ').trim();
  document.getElementById('adapter').textContent = `adapter: ${adapterLine}`;
  return { adapter: adapterLine, ort: ort.env.versions.web ?? ort.env.versions.common, features: [...sparsecDevice.features] };
}

async function runCase(id, timing) {
  const manifest = await (await fetch(`/case/${id}.json`)).json();
  const buffer = await (await fetch(`/case/${id}.bin`)).arrayBuffer();
  log(`${manifest.name}: sparsec`);
  const sparsec = await runSparsec(id, manifest, buffer, timing);
  const samples = { sparsec };
  for (const run of manifest.ort) {
    log(`${manifest.name}: ${run.key}`);
    samples[run.key] = await runOrt(id, run, buffer, timing);
  }
  return samples;
}

window.benchPage = { init, runCase };
