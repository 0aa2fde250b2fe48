/**
 * @file One-pass golden tests: every `test/passes/<pass>/*.ir` file starts with `// RUN: <pass> <options>`;
 * the runner applies exactly that pass and compares with `*.expected.ir`. Lowering stages take a
 * `*.kernel.json` input instead. `UPDATE_GOLDENS=1` rewrites the expected files (review the diff!).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKernel } from '../../src/ir/parse.js';
import { printKernel } from '../../src/ir/print.js';
import { verifyKernel } from '../../src/ir/verify.js';
import type { AttentionKernel, GemmKernel, Kernel } from '../../src/model/kernel.js';
import { applySchedule } from '../../src/passes/apply-schedule.js';
import { keyWalk } from '../../src/passes/attention-space.js';
import { lowerAttention } from '../../src/passes/lower-attention.js';
import { microPlan } from '../../src/passes/gemm-micro.js';
import { lowerGemm } from '../../src/passes/lower-gemm.js';
import { lowerGemmOuter } from '../../src/passes/lower-gemm-outer.js';
import { runPass } from '../../src/passes/registry.js';
import { scheduleText, type ScheduleSettings } from '../../src/passes/schedule.js';

const ROOT = path.dirname(fileURLToPath(import.meta.url));
const UPDATE = process.env['UPDATE_GOLDENS'] === '1';

/** Kernel-level stages: input is a kernel JSON (with optional "schedule" overrides). */
const KERNEL_STAGES: Record<string, (k: Kernel, s: ScheduleSettings) => string> = {
  'apply-schedule': (k, s) => `// schedule ${scheduleText(applySchedule(k, 'interp', s))}\n`,
  'lower-attention': (k, s) => {
    const schedule = applySchedule(k, 'interp', s);
    const a = k as AttentionKernel;
    return printKernel(lowerAttention(a, { schedule, walk: keyWalk(a, schedule.tile_q, schedule.tile_k) }));
  },
  'lower-gemm': (k, s) => printKernel(lowerGemm(k as GemmKernel, { schedule: applySchedule(k, 'interp', s) })),
  'lower-gemm-outer': (k) => printKernel(lowerGemmOuter(k as GemmKernel, microPlan(k as GemmKernel)!)),
};

function header(text: string): { pass: string; options: string } {
  const m = /^\/\/ RUN: (\S+)(.*)$/m.exec(text);
  if (!m) throw new Error('golden input lacks a `// RUN: <pass> <options>` header');
  return { pass: m[1]!, options: m[2]!.trim() };
}

const dirs = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory() && d.name !== 'golden');

describe('one-pass goldens', () => {
  it('cover every pass', () => {
    const covered = new Set(dirs.map((d) => d.name));
    for (const pass of ['apply-schedule', 'lower-attention', 'lower-gemm', 'lower-gemm-outer', 'simplify', 'pack-gqa', 'split-kv', 'bind', 'sync-block', 'stage-shared', 'widen-tiles']) expect(covered).toContain(pass);
  });
  for (const dir of dirs) {
    const files = readdirSync(path.join(ROOT, dir.name)).filter((f) => (f.endsWith('.ir') && !f.endsWith('.expected.ir')) || f.endsWith('.kernel.json'));
    for (const file of files) {
      it(`${dir.name}/${file}`, () => {
        const full = path.join(ROOT, dir.name, file);
        const text = readFileSync(full, 'utf8');
        let actual: string;
        if (file.endsWith('.kernel.json')) {
          const { kernel, schedule, run } = JSON.parse(text) as { kernel: Kernel; schedule?: ScheduleSettings; run: string };
          actual = KERNEL_STAGES[run]!(kernel, schedule ?? {});
        } else {
          const { pass, options } = header(text);
          const input = parseKernel(text);
          expect(verifyKernel(input)).toEqual([]);
          const output = runPass(pass, input, options);
          expect(verifyKernel(output)).toEqual([]);
          actual = printKernel(output);
        }
        const expectedPath = full.replace(/(\.kernel\.json|\.ir)$/, '.expected.ir');
        if (UPDATE) writeFileSync(expectedPath, actual);
        expect(existsSync(expectedPath), `missing ${expectedPath} (run with UPDATE_GOLDENS=1)`).toBe(true);
        expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
      });
    }
  }
});
