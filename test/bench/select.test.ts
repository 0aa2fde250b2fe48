/**
 * @file `sparsec bench --case select_32k` (src/bench/select.ts) at a small seq: a row per path with totals, layouts
 * that agree (the host estimator and the selector kernel compute the same rule), the ratio, and usage errors.
 */
import { describe, expect, it } from 'vitest';
import { hostSelect, runSelectBench, runSelectCommand } from '../../src/bench/select.js';
import { main } from '../../src/cli/main.js';

describe('the select_32k case', () => {
  it('times both paths on wasm; their layouts agree and the ratio is host / selector', async () => {
    const rows = await runSelectBench({ seq: 512, warmup: 0, runs: 1 });
    expect(rows.map((r) => r.path)).toEqual(['host', 'selector']);
    const [host, selector] = rows as [typeof rows[0], typeof rows[0]];
    expect(host.differing).toBe(0);
    expect(host.kept).toBe(selector.kept);
    // 8 heads x 8 query blocks: block 0, the diagonal and up to 4 more per row
    expect(host.kept).toBeGreaterThan(8 * 8);
    expect(host.kept).toBeLessThan(8 * 36);
    for (const r of rows) {
      expect(r.median_ms).toBeGreaterThan(0);
      expect(r.layout_ms).toBeGreaterThan(0);
      expect(r.layout_ms).toBeLessThanOrEqual(r.median_ms);
    }
    expect(host.ratio_host_over_selector).toBeCloseTo(host.median_ms / selector.median_ms, 2);
  }, 120_000);

  it('the host estimator keeps block 0, the diagonal and the top 4 causal blocks per query block', () => {
    const seq = 640;
    const q = new Float32Array(8 * seq * 64).fill(0.1);
    const k = new Float32Array(8 * seq * 64).fill(0.1);
    const sel = hostSelect(q, k, seq);
    // equal scores everywhere: the lowest blocks win ties, so row 9 keeps blocks 0..3 and 9
    expect([...sel.subarray(9 * 10, 10 * 10)]).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('runs on its own and refuses an unknown target', async () => {
    const lines: string[] = [];
    const io = { out: (s: string) => void lines.push(s), err: (s: string) => void lines.push(s) };
    expect(await runSelectCommand({ cases: ['select_32k', 'causal'] }, io)).toBe(2);
    expect(lines.join('')).toMatch(/select_32k runs on its own/);
    await expect(runSelectBench({ target: 'nope', seq: 512, warmup: 0, runs: 1 })).rejects.toThrow(/unknown target 'nope' \(known: .*wasm/);
  });

  it('is a case name of the command line (did-you-mean included)', async () => {
    const lines: string[] = [];
    const io = { out: (t: string) => void lines.push(t), err: (t: string) => void lines.push(t), interactive: false };
    expect(await main(['bench', '--case', 'select_32'], io)).toBe(2);
    expect(lines.join('')).toContain("did you mean 'select_32k'?");
  });
});
