/**
 * @file The diagnostics catalogue, its documentation and the fixtures agree: every catalogue code
 * is documented in docs/diagnostics.md, every fixture's code is in the catalogue, and every
 * checker code (SPC012, SPC030-SPC199) has at least one fixture.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { CATALOGUE } from '../../src/diagnostics/catalog.js';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES = path.join(ROOT, 'test/fixtures/errors');
const codes = Object.keys(CATALOGUE);

/** Codes found in the first line of each `.expected` file. */
function fixtureCodes(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.expected'))) {
    const m = /error (SPC\d{3}):/.exec(readFileSync(path.join(FIXTURES, f), 'utf8'));
    if (m) out.set(f, m[1]!);
  }
  return out;
}

describe('diagnostics catalogue', () => {
  it('documents every code in docs/diagnostics.md, in the table and with an example', () => {
    const doc = readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8');
    const missingRow = codes.filter((c) => !doc.includes(`| ${c} |`));
    const missingExample = codes.filter((c) => !doc.includes(`### ${c}\n`));
    expect(missingRow).toEqual([]);
    expect(missingExample).toEqual([]);
  });

  it('every fixture reports a catalogue code', () => {
    const found = fixtureCodes();
    expect(found.size).toBeGreaterThanOrEqual(45);
    for (const [file, code] of found) expect(codes, file).toContain(code);
  });

  it('every checker code has a fixture', () => {
    const covered = new Set(fixtureCodes().values());
    const checkerCodes = codes.filter((c) => c === 'SPC012' || (Number(c.slice(3)) >= 30 && Number(c.slice(3)) <= 199));
    expect(checkerCodes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('templates use consecutive placeholders from {0}', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      const used = [...entry.message.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1]));
      const max = used.length ? Math.max(...used) : -1;
      for (let i = 0; i <= max; i++) expect(used, `${code} skips {${i}}`).toContain(i);
    }
  });
});
