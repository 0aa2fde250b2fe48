import { it } from 'vitest';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { verifyKernels } from '../../src/harness/verify.js';
import { reference32 } from '../../src/harness/reference-target.js';
it('scratch', async () => {
  const p = await loadProgram(['dsl'], { cwd: process.cwd() });
  const c = checkProgram(p);
  const t0 = Date.now();
  const per = new Map<string, number>();
  const report = await verifyKernels(c.kernels, [reference32], { seed: 1 });
  for (const r of report.results) per.set(r.kernel, (per.get(r.kernel) ?? 0) + r.ms);
  console.log('total', Date.now() - t0);
  console.log([...per].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${k} ${Math.round(v)}`).join('\n'));
  console.log(report.results.filter((r) => r.status !== 'pass').map((r) => `${r.kernel} ${r.case} ${r.status} ${r.detail}`).join('\n'));
}, 600_000);
