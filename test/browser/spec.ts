/**
 * @file The demo page's kernels, built at test time as a generated library: `sparsec build --target webgpu`
 * of one sparse attention and one N:M sparse gemm kernel into a folder the test serves as `/lib/`.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBuild } from '../../src/cli/commands/build.js';

/** The kernels the page runs (main.js computes the same mask for its reference). */
export const DEMO_SOURCE = `
pattern sinks_window(sinks: int = 4, window: int = 16) = causal && (k < sinks || q - k < window)
kernel demo_attention = attention(sinks_window) { heads = 2; kv_heads = 1; head_dim = 16; seq = 64 }
kernel demo_gemm = gemm { m = 8; n = 32; k = 64; weight = nm(2, 4) }
`;

/** Builds the demo library for webgpu into a fresh temp folder; returns the folder. */
export async function buildDemoLibrary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sparsec-demo-'));
  await writeFile(join(dir, 'demo.sparse'), DEMO_SOURCE);
  const lines: string[] = [];
  const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), interactive: false };
  const code = await runBuild([join(dir, 'demo.sparse')], { target: ['webgpu'], out: join(dir, 'lib'), cwd: dir }, io);
  if (code !== 0) throw new Error(`building the demo library failed: ${lines.join('\n')}`);
  return join(dir, 'lib');
}
