/** @file Reading inner-loop figures from AArch64 assembly: innermost backward-branch loops with vector FMAs. */
import { describe, expect, it } from 'vitest';
import { fmaLoops } from '../../src/targets/neon/asm-figures.js';

const ASM = `
sparsec_k:
	mov	x2, 0
.L3:
	ldr	q3, [x1], 16
	ldp	q17, q12, [x0]
	fmla	v9.4s, v17.4s, v3.s[0]
	fmla	v8.4s, v12.4s, v3.s[1]
	add	x0, x0, 32
	cmp	x1, x4
	bne	.L3
.L4:
	fmul	v1.4s, v1.4s, v2.4s
	bl	expf
	subs	w3, w3, #1
	b.ne	.L4
	ret
`;

describe('fmaLoops', () => {
  it('counts instructions, FMAs and loads of innermost loops that hold FMAs', () => {
    expect(fmaLoops(ASM)).toEqual([{ instructions: 7, fmla: 2, loads: 2, stores: 0, perFma: 3.5 }]);
  });
});
