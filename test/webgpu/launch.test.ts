/**
 * @file Split-KV on the webgpu grid: a decode kernel prints two launches (one workgroup per KV chunk of every
 * (b, h, query tile) task, then one per task for the log-sum-exp merge), and the runtime dispatches exactly that.
 * Pure (printing and the launch arithmetic); run.test.ts runs split decode on Dawn against the reference.
 */
import { describe, expect, it } from 'vitest';
import { compileWgsl } from '../../src/targets/webgpu/target.js';
import { evalSize, runLaunch } from '../../src/runtime/webgpu/launch.js';
import { kernelsOf } from './helpers.js';

const [decode, prefill] = kernelsOf(`
kernel dec = attention(causal) { heads = 3; head_dim = 8; q_len = 8; kv_len = dynamic; batch = dynamic; schedule webgpu { split_kv = 5; tile_q = 4; fit_tile_q = false } }
kernel pre = attention(causal) { heads = 2; head_dim = 8; seq = dynamic }
`) as [never, never];

describe('webgpu split-KV launches', () => {
  it('dispatches one workgroup per KV chunk of every task, then one per task for the merge', () => {
    const { artifact, pipeline } = compileWgsl(decode);
    const batch = 2;
    const tasks = batch * 3 * Math.ceil(8 / pipeline.schedule.tile_q);
    const chunks = 5;
    expect(pipeline.schedule.tile_q).toBe(4);
    const launch = runLaunch(artifact, new Map([['batch', batch], ['kv_len', 40]]));
    expect(launch.dispatches).toEqual([{ entryPoint: 'main', workgroups: chunks * tasks }, { entryPoint: 'merge', workgroups: tasks }]);
    // every task keeps its own workspace (chunks x rows x (value_dim + 1) words) ahead of the workgroups' regions
    expect(artifact.launch!.taskScratchF32).toBeGreaterThanOrEqual(chunks * 4 * 9);
    expect(launch.scratchF32).toBe(tasks * artifact.launch!.taskScratchF32 + chunks * tasks * artifact.scratchF32);
    expect(artifact.wgsl).toContain('fn merge(');
    expect(artifact.wgsl).toMatch(/for \(var item: i32 = wid; item < tasks \* n\d+; item = item \+ nwg\)/);
  });

  it('keeps one dispatch of persistent workgroups where nothing is split', () => {
    const { artifact } = compileWgsl(prefill);
    expect(artifact.launch).toBeUndefined();
    expect(runLaunch(artifact, new Map([['batch', 1], ['seq', 40]])).dispatches).toEqual([{ entryPoint: 'main', workgroups: artifact.workgroups }]);
    expect(artifact.wgsl).not.toContain('fn merge(');
  });

  it('evaluates sizes as WGSL does (floor division)', () => {
    expect(evalSize(['idiv', -7, 2], new Map())).toBe(-4);
    expect(evalSize(['mod', -7, 2], new Map())).toBe(1);
    expect(evalSize(['max', 0, ['sub', 'n', 3]], new Map([['n', 10]]))).toBe(7);
  });
});
