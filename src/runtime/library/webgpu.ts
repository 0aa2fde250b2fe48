/// <reference types="@webgpu/types" preserve="true" />
/**
 * @file The webgpu loader of generated kernels: finds a device (given, `navigator.gpu`, or Dawn in Node),
 * picks per head_dim the first WGSL variant whose features the device has, and compiles it with `prepareKernel`.
 */
import type { WgslKernelArtifact } from '../webgpu/artifact.js';
import { deviceDescriptor } from '../webgpu/device-request.js';
import { prepareKernel, type PreparedKernel } from '../webgpu/run.js';
import type { HeadDims, TargetKernel } from './loaders.js';
import { fetchJson, type KernelManifest, type WebgpuVariant } from './manifest.js';

/** How to load a kernel on WebGPU. */
export interface WebgpuLoadOptions {
  /** The device to run on (default: `navigator.gpu` in a browser, Dawn through the `webgpu` npm package in Node). */
  readonly device?: GPUDevice;
}

let pageDevice: Promise<GPUDevice> | null = null;

async function requestPageDevice(gpu: GPU): Promise<GPUDevice> {
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('webgpu: navigator.gpu gave no adapter');
  return adapter.requestDevice(deviceDescriptor(adapter));
}

/** The device of `options`, else the page's (one per page), else Dawn's in Node. */
async function deviceFor(options: WebgpuLoadOptions | undefined): Promise<GPUDevice> {
  if (options?.device) return options.device;
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (gpu) {
    pageDevice ??= requestPageDevice(gpu).catch((e: unknown) => {
      pageDevice = null;
      throw e;
    });
    return pageDevice;
  }
  if ((globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node) {
    const { nodeDevice } = await import('../webgpu/node-device.js');
    const d = await nodeDevice();
    if (!d.ok) throw new Error(`webgpu: ${d.reason}`);
    return d.device;
  }
  throw new Error('webgpu: no WebGPU here (navigator.gpu is missing); pass { device } to load');
}

const dimsKey = (d: HeadDims | null | undefined): string => (d ? `${d.headDim}x${d.valueDim}` : '');

/** Per head_dim pair (one group for static kernels), the first variant whose required features `device` has. */
export function chooseVariants(manifest: KernelManifest, features: ReadonlySet<string>): Map<string, WebgpuVariant> {
  const chosen = new Map<string, WebgpuVariant>();
  const missing = new Map<string, string[]>();
  for (const v of manifest.webgpu!.variants) {
    const key = dimsKey(v.dims);
    if (chosen.has(key)) continue;
    const lacks = v.requires.filter((f) => !features.has(f));
    if (lacks.length === 0) chosen.set(key, v);
    else missing.set(key, [...(missing.get(key) ?? []), `${v.file} needs ${lacks.join(', ')}`]);
  }
  for (const [key, why] of missing) {
    if (!chosen.has(key)) throw new Error(`${manifest.name}: no webgpu variant runs on this device (${why.join('; ')})`);
  }
  return chosen;
}

/** Loads the webgpu section of `manifest` (at `url`): every chosen variant is compiled now, so WGSL errors surface at load. */
export async function loadWebgpuKernel(manifest: KernelManifest, url: URL, options: WebgpuLoadOptions | undefined): Promise<TargetKernel> {
  const section = manifest.webgpu!;
  const device = await deviceFor(options);
  const chosen = chooseVariants(manifest, new Set([...device.features]));
  const prepared = new Map<string, PreparedKernel>();
  for (const [key, v] of chosen) prepared.set(key, await prepareKernel(device, await fetchJson<WgslKernelArtifact>(new URL(v.file, url))));
  const dims = [...chosen.values()].flatMap((v) => (v.dims ? [v.dims] : []));
  return {
    variant: [...chosen.values()].map((v) => v.file).join(', '),
    section,
    dims: dims.length > 0 ? dims : null,
    async run(values, outputs, want) {
      const kernel = prepared.get(dims.length > 0 ? dimsKey(want) : '');
      if (!kernel) throw new Error(`${manifest.name}: no webgpu variant for head_dim ${want?.headDim} / value_dim ${want?.valueDim} (built: ${dims.map(dimsKey).join(', ')})`);
      await kernel.run(new Map(Object.entries(values)), outputs);
    },
    async dispose() {
      for (const k of prepared.values()) k.dispose();
      prepared.clear();
    },
  };
}
