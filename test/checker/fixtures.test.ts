/**
 * @file The bad-input fixture suite: each `test/fixtures/errors/<nnn>-<what>.sparse` is loaded and
 * checked, and its rendered diagnostics must equal `<nnn>-<what>.expected` exactly.
 * Run with UPDATE_GOLDENS=1 to rewrite the `.expected` files (then review every one by eye).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DIR = path.join(ROOT, 'test/fixtures/errors');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

/** Loads and checks one file the way the CLI does: checker diagnostics only when loading is clean. */
export async function diagnosticsOf(file: string, cwd = ROOT): Promise<{ diagnostics: Diagnostic[]; rendered: string }> {
  const program = await loadProgram([file], { cwd });
  const loadErrors = program.diagnostics.some((d) => d.severity === 'error');
  const diagnostics = loadErrors ? program.diagnostics : [...program.diagnostics, ...checkProgram(program).diagnostics];
  return { diagnostics, rendered: diagnostics.map((d) => renderDiagnostic(d, program.sources)).join('\n') };
}

const fixtures = readdirSync(DIR).filter((f) => /^\d{3}-.*\.sparse$/.test(f)).sort();

describe('bad-input fixtures', () => {
  it('has at least 45 fixtures, each with an expected file', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(45);
    if (!UPDATE) for (const f of fixtures) expect(existsSync(path.join(DIR, f.replace(/\.sparse$/, '.expected'))), f).toBe(true);
  });

  for (const f of fixtures) {
    it(f, async () => {
      const { diagnostics, rendered } = await diagnosticsOf(path.join(DIR, f));
      const expectedPath = path.join(DIR, f.replace(/\.sparse$/, '.expected'));
      if (UPDATE) writeFileSync(expectedPath, `${rendered}\n`);
      expect(diagnostics.length, 'one problem per fixture gives one diagnostic').toBe(1);
      expect(rendered).toBe(readFileSync(expectedPath, 'utf8').replace(/\n$/, ''));
    });
  }
});
