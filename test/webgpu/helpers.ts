/**
 * @file Helpers of the webgpu tests: kernels checked from source text, and whether Dawn has an adapter here.
 */
import { parseSource } from '../../src/frontend/parse.js';
import { checkProgram } from '../../src/checker/check.js';
import type { Kernel } from '../../src/model/kernel.js';
import { nodeDevice } from '../../src/runtime/webgpu/node-device.js';

/** The checked kernels of source `text` (throws on any diagnostic). */
export function kernelsOf(text: string): Kernel[] {
  const { module, diagnostics } = parseSource('webgpu-test.sparse', text);
  const result = checkProgram({ modules: [{ path: '/virtual/webgpu-test.sparse', display: 'webgpu-test.sparse', module, imports: [] }], sources: new Map([['webgpu-test.sparse', text]]) });
  const all = [...diagnostics, ...result.diagnostics];
  if (all.length > 0) throw new Error(`test source has diagnostics: ${all.map((d) => d.message).join('; ')}`);
  return [...result.kernels];
}

/** True when a WebGPU adapter exists (SwiftShader counts); GPU tests are skipped otherwise. */
export const HAS_ADAPTER: boolean = (await nodeDevice()).ok;
