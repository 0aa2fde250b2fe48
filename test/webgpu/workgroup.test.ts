import { describe, it, expect } from 'vitest';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { DEFAULT_PRINT, WEBGPU_DEFAULT_WORKGROUP_BYTES, type PrintOptions } from '../../src/targets/webgpu/print.js';
import { BodyPrinter } from '../../src/targets/simt/statements.js';
import type { ElementWriter } from '../../src/targets/simt/elements.js';
import { WGSL_SPELLING } from '../../src/targets/webgpu/wgsl-spelling.js';
import { kernelsOf } from './helpers.js';

const SOURCE = `
kernel dense64 = attention(causal) { heads = 2; head_dim = 64; seq = 256 }
kernel dense128 = attention(causal) { heads = 2; head_dim = 128; seq = 256 }
`;
const [dense64, dense128] = kernelsOf(SOURCE) as [never, never];

const withBytes = (workgroupBytes: number): PrintOptions => ({ ...DEFAULT_PRINT, workgroupBytes });

/** Words of the `var<workgroup>` arrays a module declares. */
function workgroupWords(wgsl: string): number {
  return [...wgsl.matchAll(/var<workgroup> \w+: array<\w+, (\d+)>/g)].reduce((s, m) => s + Number(m[1]), 0);
}

describe('webgpu workgroup-memory tiles', () => {
  it('keeps every tile in storage scratch when no workgroup memory is allowed', () => {
    const { artifact } = compileWgsl(dense64, undefined, undefined, withBytes(0));
    expect(artifact.wgsl).not.toContain('var<workgroup>');
    expect(artifact.wgsl).not.toContain('workgroupBarrier');
    expect(artifact.scratchF32).toBeGreaterThan(1000);
  });

  it('moves the tiles into workgroup memory and stages Q, K and V there, K and V sharing words by live range', () => {
    const { artifact } = compileWgsl(dense64, undefined, undefined, withBytes(32768));
    expect(artifact.scratchF32).toBe(1);
    expect(artifact.wgsl).toContain('workgroupBarrier();');
    expect(artifact.wgsl).not.toContain('storageBarrier();');
    const words = workgroupWords(artifact.wgsl);
    expect(words).toBeLessThanOrEqual(32768 / 4);
    // Q [16, 64] + one [32, 64] K/V region (K rows padded to 65 words) + the score tiles: K and V are never live together
    expect(words).toBeLessThan(16 * 64 + 2 * 32 * 64);
    // the S = Q K^T DOT reads K down its columns at the padded pitch, V along its rows at the plain pitch
    expect(artifact.wgsl).toMatch(/= wf\[\d+ \+ dc\d+ \* 65 \+ k\d+\];/);
    expect(artifact.wgsl).toMatch(/= wf\[\d+ \+ k\d+ \* 64 \+ dc\d+\];/);
  });

  it('never declares more workgroup memory than allowed; what does not fit stays in storage', () => {
    for (const bytes of [1024, WEBGPU_DEFAULT_WORKGROUP_BYTES, 32768]) {
      const { artifact } = compileWgsl(dense128, undefined, undefined, withBytes(bytes));
      expect(workgroupWords(artifact.wgsl)).toBeLessThanOrEqual(bytes / 4);
    }
    const small = compileWgsl(dense128, undefined, undefined, withBytes(1024)).artifact;
    expect(small.scratchF32).toBeGreaterThan(1);
  });

  it('prints for the WebGPU default limit unless told otherwise', () => {
    const { artifact } = compileWgsl(dense64);
    expect(workgroupWords(artifact.wgsl)).toBeGreaterThan(0);
    expect(workgroupWords(artifact.wgsl)).toBeLessThanOrEqual(WEBGPU_DEFAULT_WORKGROUP_BYTES / 4);
  });

  it('never names a generated variable after a WGSL type (i32, f16, ...)', () => {
    const p = new BodyPrinter({ sp: WGSL_SPELLING } as unknown as ElementWriter, 64);
    const names = Array.from({ length: 40 }, () => p.fresh('i'));
    expect(names).not.toContain('i32');
    expect(new Set(names).size).toBe(40);
  });
});
