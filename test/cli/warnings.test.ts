/** @file Warnings SPC300-302 on standard error: they leave the exit status alone, `--deny-warnings` makes them fail; clean specs get none. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

const SPEC = `pattern never = causal && k > q
pattern far = causal && q - k > 600
pattern sliding(window: int) = causal && q - k < window
kernel nothing = attention(never) { heads = 2; head_dim = 8; seq = dynamic }
kernel too_short = attention(far) { heads = 2; head_dim = 8; seq = 512 }
kernel wide = attention(sliding(window = 1024)) { heads = 2; head_dim = 8; seq = 512 }
kernel fine = attention(sliding(window = 512)) { heads = 2; head_dim = 8; seq = 513 }
kernel data = attention(causal && doc[q] == doc[k]) { heads = 2; head_dim = 8; seq = 64; doc: i32[kv_len] }
`;

function capture(): Io & { out: (t: string) => void; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { out: (t) => void stdout.push(t), err: (t) => void stderr.push(t), interactive: false, stdout, stderr };
}

function spec(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-warn-'));
  writeFileSync(join(dir, 'w.sparse'), SPEC);
  return join(dir, 'w.sparse');
}

describe('warnings', () => {
  it('reports an always-false mask, empty rows at the declared sizes and a window wider than the sequence, exit 0', async () => {
    const io = capture();
    expect(await main(['check', spec()], io)).toBe(0);
    const codes = io.stderr.map((t) => /warning (SPC\d+): .*'(\w+)'/.exec(t)?.slice(1, 3).join(' '));
    expect(codes).toEqual(['SPC300 nothing', 'SPC301 too_short', 'SPC302 wide']);
    expect(io.stderr[2]).toMatch(/w\.sparse:6:8: warning SPC302: kernel 'wide': the window 1024 is not smaller than the sequence \(kv_len 512\)[^\n]*\n {2}kernel wide = [^\n]*\n {9}\^{4}$/);
    expect(io.stdout.join('\n')).toMatch(/5 kernels, no errors/);
  });

  it('--deny-warnings makes them errors (check and build)', async () => {
    const io = capture();
    expect(await main(['check', spec(), '--deny-warnings'], io)).toBe(1);
    expect(io.stderr.at(-1)).toBe('sparsec: 3 warnings treated as errors (--deny-warnings)');
    const build = capture();
    const out = join(mkdtempSync(join(tmpdir(), 'sparsec-warn-out-')), 'lib');
    expect(await main(['build', spec(), '--deny-warnings', '--out', out, '-q'], build)).toBe(1);
  });

  it('the kernels of dsl/ get no warning', async () => {
    const io = capture();
    expect(await main(['check', 'dsl/', '--deny-warnings'], io)).toBe(0);
    expect(io.stderr).toEqual([]);
  });
});
