/**
 * @file The shrunk failures the differential run found, each kept as a regression and run on every available
 * target with the seed and hostile values of its header line: diff-found/ (fixed: must pass) and diff-open/
 * (known, not fixed yet: expected to fail, so the test turns red when one is fixed and should move).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeptCase } from '../../src/diff/index.js';
import { TARGETS } from './run-targets.js';

const DIR = join(import.meta.dirname, 'diff-found');
const OPEN = join(import.meta.dirname, 'diff-open');

describe('failures found by differential testing stay fixed', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.sparse')).sort()) {
    it(file, async () => {
      const verdicts = await runKeptCase(readFileSync(join(DIR, file), 'utf8'), TARGETS);
      expect(verdicts.length).toBe(TARGETS.length);
      expect(verdicts.filter((v) => !v.pass).map((v) => `${v.target}: ${v.detail}`)).toEqual([]);
    });
  }
});

// NOTE: the open cases fail on webgpu only; without an adapter they would pass and `it.fails` would turn red.
describe.skipIf(!TARGETS.some((t) => t.name === 'webgpu'))('known open failures (expected to fail until fixed)', () => {
  for (const file of readdirSync(OPEN).filter((f) => f.endsWith('.sparse')).sort()) {
    it.fails(file, async () => {
      const verdicts = await runKeptCase(readFileSync(join(OPEN, file), 'utf8'), TARGETS);
      expect(verdicts.filter((v) => !v.pass).map((v) => `${v.target}: ${v.detail}`)).toEqual([]);
    });
  }
});
