/** @file `show --inputs / --density / --slice`: the picture and its figures come from the given inputs and count the slice drawn. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const SPEC = `pattern global_local(g: bool[batch, kv_len]) = causal && (g[b, q] || g[b, k] || q - k < 4)
kernel longformer = attention(global_local) { batch = dynamic; heads = 2; head_dim = 8; seq = dynamic }
kernel per_head = attention(causal && (h == 0 || q - k < 2)) { heads = 2; head_dim = 8; seq = 32 }
`;

function setup(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-show-'));
  writeFileSync(join(dir, 'k.sparse'), SPEC);
  return dir;
}

async function show(dir: string, args: string[]): Promise<{ code: number; json: Record<string, number>; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), interactive: false };
  const code = await main(['show', join(dir, 'k.sparse'), '--json', ...args], io);
  return { code, json: code === 0 ? JSON.parse(out.join('\n')) : {}, err: err.join('\n') };
}

/** Allowed (q, k) pairs of global_local for one batch row of `g` over n positions. */
function expectedDensity(g: number[], n: number): number {
  let allowed = 0;
  for (let q = 0; q < n; q++) for (let k = 0; k <= q; k++) if (g[q] || g[k] || q - k < 4) allowed++;
  return allowed / (n * n);
}

describe('show with given inputs', () => {
  it('--inputs draws and counts the given global tokens, per batch row chosen by --slice', async () => {
    const dir = setup();
    const n = 48;
    const row0 = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : 0));
    const row1 = Array.from({ length: n }, (_, i) => (i % 8 === 0 ? 1 : 0));
    writeFileSync(join(dir, 'in.json'), JSON.stringify({ sizes: { batch: 2, qLen: n, kvLen: n }, g: [...row0, ...row1] }));
    const a = await show(dir, ['--kernel', 'longformer', '--inputs', join(dir, 'in.json'), '--tile', '8']);
    expect(a.code, a.err).toBe(0);
    expect(a.json.density).toBeCloseTo(expectedDensity(row0, n), 12);
    const b = await show(dir, ['--kernel', 'longformer', '--inputs', join(dir, 'in.json'), '--tile', '8', '--slice', '1,1']);
    expect(b.json.density).toBeCloseTo(expectedDensity(row1, n), 12);
    expect(b.json.density).toBeGreaterThan(a.json.density);
    expect(a.json.liveTiles + a.json.emptyTiles).toBe((n / 8) * (n / 8));
  });

  it('refuses inputs that do not fit the kernel before drawing', async () => {
    const dir = setup();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ sizes: { qLen: 16, kvLen: 16 }, g: [1, 0, 1] }));
    const r = await show(dir, ['--kernel', 'longformer', '--inputs', join(dir, 'bad.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'g' has 3 elements, expected 16/);
  });

  it('--density sets how full the random inputs are; figures count only the slice drawn', async () => {
    const dir = setup();
    const sparse = await show(dir, ['--kernel', 'longformer', '--density', '0']);
    const dense = await show(dir, ['--kernel', 'longformer', '--density', '1']);
    expect(sparse.json.density).toBeLessThan(0.05);
    expect(dense.json.density).toBeCloseTo((512 * 513) / 2 / (512 * 512), 6);
    const h0 = await show(dir, ['--kernel', 'per_head', '--slice', '0,0']);
    const h1 = await show(dir, ['--kernel', 'per_head', '--slice', '0,1']);
    expect(h0.json.density).toBeCloseTo((32 * 33) / 2 / (32 * 32), 12);
    expect(h1.json.density).toBeCloseTo((32 + 31) / (32 * 32), 12);
  });
});
