/** @file End-to-end tests of `sparsec check` through the real executable (bin/sparsec.js over dist/). */
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/sparsec.js');

function sparsec(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/main.js'))) execFileSync('npx', ['tsc', '-p', root], { cwd: root });
});

describe('sparsec check', () => {
  it('exits 0 on a clean file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-cli-'));
    writeFileSync(join(dir, 'ok.sparse'), 'pattern sliding(window: int) = causal && q - k < window\n');
    const r = sparsec(['check', 'ok.sparse'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no errors');
  });

  it('prints the contract diagnostic for an unknown name and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-cli-'));
    writeFileSync(join(dir, 'bad.sparse'), '// a typo\n\npattern sliding(window: int) = causal && q - k < windw\n');
    const r = sparsec(['check', 'bad.sparse'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "bad.sparse:3:50: error SPC012: unknown name 'windw' (did you mean 'window'?)\n" +
      '  pattern sliding(window: int) = causal && q - k < windw\n' +
      '                                                   ^^^^^\n',
    );
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('gives JSON with --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-cli-'));
    writeFileSync(join(dir, 'bad.sparse'), 'pattern p = causal && bogus\n');
    const r = sparsec(['check', '--json', 'bad.sparse'], dir);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; line: number }[] };
    expect(j.ok).toBe(false);
    expect(j.diagnostics[0]).toMatchObject({ code: 'SPC012', line: 1 });
  });

  it('exits 2 on bad usage and lists the commands in --help', () => {
    expect(sparsec(['check']).code).toBe(2);
    expect(sparsec(['frobnicate']).code).toBe(2);
    const help = sparsec(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/check/);
    expect(sparsec(['check', '--help']).stdout).toMatch(/Exit status/);
  });

  it('reports a missing file as a diagnostic, not a crash', () => {
    const r = sparsec(['check', 'no/such/file.sparse']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/SPC001/);
  });
});
