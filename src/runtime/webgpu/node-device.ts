/// <reference types="@webgpu/types" preserve="true" />
/**
 * @file A GPUDevice in Node through the `webgpu` npm package (Dawn). With no GPU, Dawn runs on
 * SwiftShader's Vulkan driver from Debian's chromium package; VK_ICD_FILENAMES is pointed at it when unset.
 */
import { existsSync } from 'node:fs';
import { deviceDescriptor } from './device-request.js';

/** Where Debian's chromium package puts SwiftShader's Vulkan ICD. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** What to tell the user when no adapter is found. */
export const NO_ADAPTER_REASON =
  `no WebGPU adapter: install Debian chromium + libvulkan1 and set VK_ICD_FILENAMES=${SWIFTSHADER_ICD} (scripts/setup-webgpu.sh)`;

/** The device, or why there is none. */
export type DeviceResult = { readonly ok: true; readonly device: GPUDevice; readonly adapter: GPUAdapter } | { readonly ok: false; readonly reason: string };

let pending: Promise<DeviceResult> | null = null;
/** The Dawn instance; it must stay referenced while its devices are used (a collected instance kills them). */
let instance: GPU | null = null;

async function open(): Promise<DeviceResult> {
  if (!process.env['VK_ICD_FILENAMES'] && existsSync(SWIFTSHADER_ICD)) process.env['VK_ICD_FILENAMES'] = SWIFTSHADER_ICD;
  let mod: { create(flags: string[]): GPU; globals: Record<string, unknown> };
  try {
    mod = (await import('webgpu')) as unknown as typeof mod;
  } catch (err) {
    return { ok: false, reason: `${NO_ADAPTER_REASON}; the 'webgpu' npm package did not load: ${err instanceof Error ? err.message : String(err)}` };
  }
  Object.assign(globalThis, mod.globals);
  const gpu = mod.create([]);
  instance = gpu;
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { ok: false, reason: NO_ADAPTER_REASON };
  const device = await adapter.requestDevice(deviceDescriptor(adapter));
  device.lost.then((info) => {
    if (info.reason !== 'destroyed') pending = null;
  }).catch(() => undefined);
  return { ok: true, device, adapter };
}

/** The shared Node device (opened once). Never throws: failures come back as a reason. */
export function nodeDevice(): Promise<DeviceResult> {
  pending ??= open().catch((err: unknown) => ({ ok: false as const, reason: `${NO_ADAPTER_REASON}: ${err instanceof Error ? err.message : String(err)}` }));
  return pending;
}
