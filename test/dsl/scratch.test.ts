import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { verifyKernels } from '../../src/harness/verify.js';
import { reference32 } from '../../src/harness/reference-target.js';
it('scratch', async () => {
  const p = await loadProgram(['dsl'], { cwd: process.cwd() });
  const c = checkProgram(p);
  const only = process.env.ONLY?.split(',');
  const out: string[] = [];
  for (const k of c.kernels) {
    if (only && !only.includes(k.name)) continue;
    const t0 = Date.now();
    const report = await verifyKernels([k], [reference32], { seed: 1 });
    const bad = report.results.filter((r) => r.status !== 'pass');
    out.push(`${k.name} ${Date.now() - t0} cases=${report.results.length} ${bad.map((r) => r.case + ':' + r.detail).join(';')}`);
  }
  writeFileSync('/tmp/times.txt', out.join('\n') + '\n');
}, 900_000);
