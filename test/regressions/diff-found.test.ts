/**
 * @file The shrunk failures the differential run found, each kept as a regression and run on every available
 * target with the seed and hostile values of its header line: diff-found/ (fixed: must pass) and diff-open/
 * (known, not fixed yet: expected to fail, so the test turns red when one is fixed and should move).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/** The kept open cases (none today: diff-open/ then does not exist, as git keeps no empty folder). */
const OPEN_FILES = existsSync(OPEN) ? readdirSync(OPEN).filter((f) => f.endsWith('.sparse')).sort() : [];

// NOTE: an open case fails on the target it names; without that target it would pass and `it.fails` would turn red.
describe.skipIf(OPEN_FILES.length === 0 || !TARGETS.some((t) => t.name === 'webgpu'))('known open failures (expected to fail until fixed)', () => {
  for (const file of OPEN_FILES) {
    it.fails(file, async () => {
      const verdicts = await runKeptCase(readFileSync(join(OPEN, file), 'utf8'), TARGETS);
      expect(verdicts.filter((v) => !v.pass).map((v) => `${v.target}: ${v.detail}`)).toEqual([]);
    });
  }
});
