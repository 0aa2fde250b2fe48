/**
 * @file The demo page's kernels, built at test time as `npm run demo` builds them: `sparsec build
 * examples/browser/demo.sparse --target webgpu --standalone` (the library carries its runtime), into a temp folder.
 */
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBuild } from '../../src/cli/commands/build.js';

const DEMO_SPEC = fileURLToPath(new URL('../../examples/browser/demo.sparse', import.meta.url));

/** The kernels the page runs (main.js computes the same mask for its reference). */
export const DEMO_SOURCE = await readFile(DEMO_SPEC, 'utf8');

/** Builds the demo library for webgpu into a fresh temp folder; returns the folder. */
export async function buildDemoLibrary(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sparsec-demo-'));
  await copyFile(DEMO_SPEC, join(dir, 'demo.sparse'));
  const lines: string[] = [];
  const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), interactive: false };
  const code = await runBuild([join(dir, 'demo.sparse')], { target: ['webgpu'], out: join(dir, 'lib'), cwd: dir, standalone: true, quiet: true }, io);
  if (code !== 0) throw new Error(`building the demo library failed: ${lines.join('\n')}`);
  return join(dir, 'lib');
}
