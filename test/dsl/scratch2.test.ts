import { it } from 'vitest';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { renderDiagnostic } from '../../src/diagnostics/render.js';
it('probe', async () => {
  const p = await loadProgram(['/tmp/probe/a.sparse'], { cwd: '/tmp/probe' });
  const c = checkProgram(p);
  console.log([...p.diagnostics, ...c.diagnostics].map((d) => renderDiagnostic(d, p.sources)).join('\n'));
  console.log(c.kernels.map((k) => k.name + ' ' + JSON.stringify(k.kind === 'attention' ? { d: k.headDim, q: k.qLen, s: k.scale } : k.threshold)).join('\n'));
});
