import { describe, it, expect } from 'vitest';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { applySchedule } from '../../src/passes/apply-schedule.js';
import { literal } from '../../src/targets/webgpu/wgsl-table.js';
import { NO_ADAPTER_REASON } from '../../src/runtime/webgpu/node-device.js';
import { kernelsOf } from './helpers.js';

const SOURCE = `
pattern local(window: int = 8) = causal && q - k < window
kernel win_f16 = attention(local) { heads = 2; head_dim = 16; seq = dynamic; dtype = f16; outputs = out, lse }
kernel win_bf16 = attention(local(window = 4)) { heads = 2; kv_heads = 1; head_dim = 8; q_len = 1; kv_len = dynamic; dtype = bf16 }
kernel doc = attention(causal && d[q] == d[k]) { heads = 2; head_dim = 8; seq = dynamic; d: i32[kv_len] }
kernel sp = gemm { m = dynamic; n = 24; k = 40; weight = nm(2, 4); dtype = f32 }
`;
const [winF16, winBf16, doc, sp] = kernelsOf(SOURCE) as [never, never, never, never];

describe('webgpu WGSL printer', () => {
  it('reads and writes f16 storage through u32 words', () => {
    const { artifact } = compileWgsl(winF16);
    expect(artifact.wgsl).toContain('unpack2x16float');
    expect(artifact.wgsl).toContain('pack2x16float');
    expect(artifact.inputs.map((b) => [b.name, b.codec])).toEqual([['k', 'f16'], ['q', 'f16'], ['v', 'f16']]);
    expect(artifact.outputs.map((b) => [b.name, b.codec])).toEqual([['lse', 'f32'], ['out', 'f16']]);
    expect(artifact.scalars).toEqual(['kv_len', 'q_len']);
  });

  it('reads bf16 with bit shifts and rounds stores to nearest even', () => {
    const { artifact } = compileWgsl(winBf16);
    expect(artifact.wgsl).toMatch(/<< 16u\)/);
    expect(artifact.wgsl).toContain('bf16_bits(');
    expect(artifact.wgsl).not.toContain('enable f16');
  });

  it('binds runtime tensors and the block plan as input regions', () => {
    const { artifact, pipeline } = compileWgsl(doc);
    const names = artifact.inputs.map((b) => b.name);
    expect(names).toContain('d');
    if (pipeline.walk?.kind === 'plan') expect(names).toEqual(expect.arrayContaining(['plan.rowptr', 'plan.ktiles', 'plan.full']));
    expect(artifact.wgsl).toMatch(/@compute @workgroup_size\(64\)/);
  });

  it('prints N:M weights with their index buffer and closed-form grid bounds', () => {
    const { artifact } = compileWgsl(sp);
    expect(artifact.inputs.map((b) => b.name)).toEqual(['w.indices', 'w.values', 'x']);
    expect(artifact.wgsl).toContain('let tasks =');
    expect(artifact.scratchF32).toBeGreaterThan(0);
  });

  it('uses short query tiles for static short queries unless the kernel sets tile_q', () => {
    // targets/webgpu.json: fit_tile_q, pack_gqa stack (applied by the pipeline, so --emit ir shows them too)
    expect(applySchedule(winBf16, 'webgpu').tile_q).toBe(1);
    expect(applySchedule(winF16, 'webgpu').tile_q).toBe(16);
    expect(applySchedule(winF16, 'webgpu').pack_gqa).toBe('stack');
  });

  it('spells literals as typed WGSL', () => {
    expect(literal(3, 'int')).toBe('3i');
    expect(literal(-3, 'int')).toBe('(-3i)');
    expect(literal(0.5, 'float')).toBe('0.5f');
    expect(literal(-Infinity, 'float')).toBe('neg_inf()');
    expect(literal(1, 'bool')).toBe('true');
  });

  it('says how to get an adapter', () => {
    expect(NO_ADAPTER_REASON).toMatch(/chromium \+ libvulkan1.*VK_ICD_FILENAMES=.*setup-webgpu\.sh/);
  });
});
