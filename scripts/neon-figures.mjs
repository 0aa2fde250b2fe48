#!/usr/bin/env node
// Static figures of every dsl/ kernel on neon (run after `npx tsc`): prints the NEON C through
// `aarch64-linux-gnu-gcc -O2 -S` (or gcc on arm64) and reports, per kernel, the inner loop with the most vector FMAs
// (the register-blocked dot) and its instructions per FMA, as a markdown table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAndCheck } from '../dist/cli/frontend-run.js';
import { runPipeline } from '../dist/passes/pipeline.js';
import { neonSource } from '../dist/targets/neon/source.js';
import { fmaLoops } from '../dist/targets/neon/asm-figures.js';

const cc = process.arch === 'arm64' ? 'gcc' : 'aarch64-linux-gnu-gcc';
const dir = mkdtempSync(join(tmpdir(), 'sparsec-neon-asm-'));
const { kernels } = await loadAndCheck([process.argv[2] ?? 'dsl']);
console.log('| kernel | kind | FMA loops | loop with most FMAs: fmla / instructions / loads | its instructions per FMA | every loop with >= 16 FMAs: instructions per FMA |');
console.log('|---|---|---|---|---|---|');
for (const k of kernels) {
  if (k.kind === 'attention' && (k.headDim === 'dynamic' || k.valueDim === 'dynamic')) continue;
  const src = neonSource(runPipeline(k, 'neon').final, k);
  const c = join(dir, `${k.name}.c`);
  writeFileSync(c, src.c);
  execFileSync(cc, ['-O2', '-fwrapv', '-std=gnu11', '-S', '-o', `${c}.s`, c], { stdio: ['ignore', 'ignore', 'ignore'] });
  const loops = fmaLoops(readFileSync(`${c}.s`, 'utf8'));
  const best = loops[0];
  const heavy = [...new Set(loops.filter((l) => l.fmla >= 16).map((l) => l.perFma.toFixed(2)))].sort().join(', ');
  console.log(`| ${k.name} | ${k.kind} | ${loops.length} | ${best ? `${best.fmla} / ${best.instructions} / ${best.loads}` : '-'} | ${best ? best.perFma.toFixed(2) : '-'} | ${heavy || '-'} |`);
}
