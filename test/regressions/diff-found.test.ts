/**
 * @file The shrunk failures the differential run found (test/regressions/diff-found/*.sparse), each kept as a
 * regression: run on every available target with the seed and hostile values of its header line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeptCase } from '../../src/harness/diff/index.js';
import { TARGETS } from './run-targets.js';

const DIR = join(import.meta.dirname, 'diff-found');

describe('failures found by differential testing stay fixed', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.sparse')).sort()) {
    it(file, async () => {
      const verdicts = await runKeptCase(readFileSync(join(DIR, file), 'utf8'), TARGETS);
      expect(verdicts.length).toBe(TARGETS.length);
      expect(verdicts.filter((v) => !v.pass).map((v) => `${v.target}: ${v.detail}`)).toEqual([]);
    });
  }
});
