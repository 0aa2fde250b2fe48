#!/usr/bin/env node
// @file The differential run as one command: `npm run test:diff -- --cases N --seed S [--targets interp,wasm,webgpu]
// [--webgpu-every K] [--out DIR] [--json]`. Random kernels on every available target against the float64
// reference; failures are shrunk and written to DIR (default test/regressions/diff-found) as .sparse files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runDifferential } from '../dist/diff/index.js';
import { getTarget } from '../dist/targets/index.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    targets: { type: 'string', default: 'interp,wasm,webgpu' },
    'webgpu-every': { type: 'string', default: '4' },
    out: { type: 'string', default: 'test/regressions/diff-found' },
    json: { type: 'boolean', default: false },
  },
});
const targets = [];
for (const name of values.targets.split(',')) {
  const target = getTarget(name);
  if (!target) throw new Error(`unknown target '${name}'`);
  const available = await target.availability();
  if (available.ok) targets.push(target);
  else console.error(`skipped: ${name} (${available.reason})`);
}
const cases = Number(values.cases);
const report = await runDifferential({
  cases, seed: Number(values.seed), targets, every: { webgpu: Number(values['webgpu-every']) },
  onCase: (i, failed) => { if (failed || (i + 1) % 100 === 0) console.error(`case ${i + 1}/${cases}${failed ? ': FAILED' : ''}`); },
});
if (report.failures.length > 0) {
  mkdirSync(values.out, { recursive: true });
  for (const f of report.failures) {
    const file = join(values.out, `diff_${report.seed}_${f.index}.sparse`);
    writeFileSync(file, `${f.details.map((d) => `// ${d.slice(0, 300)}`).join('\n')}\n${f.shrunk}`);
    console.error(`failure ${f.index}, shrunk to ${file}:\n${f.details.join('\n')}`);
  }
}
const summary = { cases: report.cases, seed: report.seed, hostileCases: report.hostileCases, perTarget: report.perTarget, failures: report.failures.length, seconds: Math.round(report.ms / 100) / 10 };
console.log(values.json ? JSON.stringify(summary) : summary);
process.exitCode = report.failures.length > 0 ? 1 : 0;
