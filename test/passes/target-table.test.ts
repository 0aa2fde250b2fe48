/**
 * @file The target tables are validated: every shipped targets/*.json is valid, and a broken table or a kernel's
 * schedule block with an unknown key or a bad value is an error that names it (with a did-you-mean).
 */
import { describe, expect, it } from 'vitest';
import type { AttentionKernel } from '../../src/model/kernel.js';
import { applySchedule } from '../../src/passes/apply-schedule.js';
import { checkTargetSettings, parseTargetTable, targetNames, targetTable } from '../../src/passes/target-table.js';
import { causalKernel } from '../harness/kernels.js';

describe('target tables', () => {
  it('every shipped table is valid', () => {
    for (const name of targetNames()) expect(targetTable(name)?.about.length).toBeGreaterThan(10);
  });

  it('a typo of a shared key, a bad value, a bad binding and a wrong name are errors', () => {
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","tile_qq":16}')).toThrow("unknown schedule setting 'tile_qq' (did you mean 'tile_q'?)");
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","tile_q":0}')).toThrow("schedule setting 'tile_q' must be an integer in [1, 1024]");
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","bind":{"qt":"grid.v"}}')).toThrow("bind 'qt' must be");
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","stage_shared":"all"}')).toThrow("schedule setting 'stage_shared' must be 'operands' or 'none'");
    expect(() => parseTargetTable('x', '{"target":"y","about":"a"}')).toThrow('"target" must be "x"');
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","workgroups":[1]}')).toThrow("'workgroups' must be a number");
    expect(parseTargetTable('x', '{"target":"x","about":"a","workgroups":8}').defaults).toEqual({ workgroups: 8 });
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","native_half":"bf16"}')).toThrow(`"native_half" must be 'none', 'f16' or 'f16+bf16'`);
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","native_half":"f16+bf"}')).toThrow("(did you mean 'f16+bf16'?)");
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","native_halff":"none"}')).toThrow("unknown key 'native_halff' (did you mean 'native_half'?)");
    expect(parseTargetTable('x', '{"target":"x","about":"a"}').nativeHalf).toBe('none');
    expect(parseTargetTable('x', '{"target":"x","about":"a","native_half":"f16"}').nativeHalf).toBe('f16');
  });

  it('side_outputs lists the side outputs a target binds; a bad entry is an error with a did-you-mean', () => {
    for (const name of targetNames()) expect(targetTable(name)?.sideOutputs).toEqual(['block_max', 'segment_mass']);
    expect(parseTargetTable('x', '{"target":"x","about":"a"}').sideOutputs).toEqual([]);
    expect(parseTargetTable('x', '{"target":"x","about":"a","side_outputs":["segment_mass"]}').sideOutputs).toEqual(['segment_mass']);
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","side_outputs":["block_maxx"]}')).toThrow(`"side_outputs": unknown side output "block_maxx", must be 'block_max' or 'segment_mass' (did you mean 'block_max'?)`);
    expect(() => parseTargetTable('x', '{"target":"x","about":"a","side_outputs":"block_max"}')).toThrow('"side_outputs" must be a list of');
  });

  it('block_max(BQ, BK) makes tile_q a multiple of BQ, so one task owns each output block', () => {
    const seer = (bq: number): AttentionKernel => ({ ...causalKernel, sideOutputs: [{ kind: 'block_max', bq, bk: 64 }] });
    expect(applySchedule(seer(64), 'webgpu').tile_q).toBe(64);
    expect(applySchedule(seer(8), 'webgpu').tile_q).toBe(16);
    expect(applySchedule(seer(24), 'interp').tile_q).toBe(48);
  });

  it("a target's own keys are the ones its table declares, typed by their defaults", () => {
    expect(checkTargetSettings('webgpu', { workgroup_size: 128, tile_q: 8 })).toEqual([]);
    expect(checkTargetSettings('webgpu', { workgroup_sise: 128 })).toEqual([{ key: 'workgroup_sise', kind: 'unknown', hint: 'workgroup_size' }]);
    expect(checkTargetSettings('webgpu', { workgroup_size: true })).toEqual([{ key: 'workgroup_size', kind: 'value', hint: 'a positive integer' }]);
    expect(checkTargetSettings('interp', { workgroup_size: 64 })).toEqual([{ key: 'workgroup_size', kind: 'unknown', hint: null }]);
  });

  it("applySchedule refuses a kernel's block with an unknown key", () => {
    const bad: AttentionKernel = { ...causalKernel, schedules: { wasm: { tile_qq: 16 } } };
    expect(() => applySchedule(bad, 'wasm')).toThrow("unknown schedule setting 'tile_qq' for target wasm (did you mean 'tile_q'?)");
  });
});
