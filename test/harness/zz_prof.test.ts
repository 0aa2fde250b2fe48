import { it } from 'vitest';
import { loadProgram } from '../../src/frontend/load.js';
import { checkProgram } from '../../src/checker/check.js';
import { verifySizes } from '../../src/harness/sizes.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { randomAttentionInputs, Rng } from '../../src/reference/random.js';
import type { AttentionKernel, AttentionSizes } from '../../src/model/kernel.js';
it('prof', async () => {
  const p = await loadProgram(['dsl'], { cwd: process.cwd() });
  const c = checkProgram(p);
  const att = c.kernels.filter((k) => k.kind === 'attention') as AttentionKernel[];
  console.log('kernels', c.kernels.length, 'attention', att.length);
  let tGen = 0, tRef = 0;
  for (const k of att) {
    for (const cs of verifySizes(k)) {
      let t = performance.now();
      const inp = randomAttentionInputs(k, cs.sizes as AttentionSizes, new Rng(1), cs.random);
      tGen += performance.now() - t;
      t = performance.now();
      referenceAttention(k, cs.sizes as AttentionSizes, inp);
      tRef += performance.now() - t;
    }
  }
  console.log('gen', tGen.toFixed(0), 'ref', tRef.toFixed(0));
}, 600_000);
