/**
 * @file The browser bench on tiny cases in headless Chromium: sparsec's WGSL kernel and onnxruntime-web's WebGPU
 * backend each produce a row, and both outputs agree with the float64 reference and with each other; the check
 * itself rejects a wrong element, an unwritten (NaN) element and a missing output, and drops a wrong peer.
 */
import { describe, it, expect } from 'vitest';
import { browserBenchAvailability, BROWSER_TEST_TIMING, runBrowserBench, WebGpuUnavailableError, type BrowserBenchResult } from '../../src/bench/browser/driver.js';
import { runBenchCommand } from '../../src/bench/main.js';
import { browserCase, TINY_BROWSER_SHAPES, type BrowserAttentionCase } from '../../src/bench/browser/cases.js';
import { checkCase } from '../../src/bench/browser/check.js';
import { attentionInputs } from '../../src/bench/browser/payload.js';
import { referenceAttention } from '../../src/reference/attention.js';
import { skipTarget } from '../support/targets.js';

const available = browserBenchAvailability();

describe.skipIf(skipTarget('browser', available.ok, available.ok ? '' : available.reason))('browser bench (sparsec vs onnxruntime-web on WebGPU)', () => {
  it('runs a sliding-window decode (plain ops and MultiHeadAttention on the ORT side) and a 2:4 gemm, outputs checked', async (ctx) => {
    let result: BrowserBenchResult;
    try {
      result = await runBrowserBench({ cases: ['window_decode', 'gemm_nm24'], shapes: TINY_BROWSER_SHAPES, timing: BROWSER_TEST_TIMING });
    } catch (error) {
      if (error instanceof WebGpuUnavailableError && skipTarget('browser', false, error.message)) return ctx.skip();
      throw error;
    }
    expect(result.adapter).not.toBe('');
    // The MultiHeadAttention row comes last in an attention case: it is the table's onnxruntime-web baseline there.
    expect(result.rows.map((r) => `${r.case} ${r.impl} ${r.target}`)).toEqual([
      'window_decode sparsec webgpu', 'window_decode onnxruntime-web webgpu', 'window_decode onnxruntime-web webgpu-mha',
      'gemm_nm24 sparsec webgpu', 'gemm_nm24 onnxruntime-web webgpu',
    ]);
    for (const row of result.rows) {
      expect(row.runs).toBe(2);
      expect(row.median_ms).toBeGreaterThan(0);
    }
    // Decode over 320 keys sees 4 sinks + 256 window keys; the 2:4 weight keeps half.
    expect(result.rows[0]!.density).toBeCloseTo(260 / 320, 6);
    expect(result.rows[3]!.density).toBeCloseTo(0.5, 6);
    expect(result.checks.map((c) => c.case)).toEqual(['window_decode', 'gemm_nm24']);
    for (const check of result.checks) {
      expect(check.ok, JSON.stringify(check)).toBe(true);
      expect(check.dropped).toEqual([]);
      expect(check.byImpl['sparsec']!.checked).toBeGreaterThan(0);
      expect(check.byImpl['onnxruntime-web']!.checked).toBeGreaterThan(0);
      if (check.case === 'window_decode') expect(check.byImpl['onnxruntime-web-mha']!.checked).toBeGreaterThan(0);
      expect(check.mutual.checked).toBe(check.case === 'gemm_nm24' ? 4 * 64 : 2 * 16);
    }
  }, 120_000);
});

describe('browser bench output check', () => {
  const c = browserCase('window_decode', TINY_BROWSER_SHAPES) as BrowserAttentionCase;
  const inputs = attentionInputs(c);
  const good = Float32Array.from(referenceAttention(c.kernel, c.sizes, { ...inputs, runtime: c.runtime }).out);
  const impls = ['sparsec', 'onnxruntime-web'];
  const check = (sparsec: Float32Array | undefined) => checkCase(c, { kind: 'attention', ...inputs }, { sparsec, 'onnxruntime-web': good }, impls);

  it('passes the reference itself, fails a wrong element, a NaN and a missing output, and drops a wrong peer', () => {
    expect(check(good).ok).toBe(true);
    const wrong = good.slice();
    wrong[5]! += 0.01;
    expect(check(wrong).ok).toBe(false);
    expect(check(wrong).byImpl['sparsec']!.bad).toBe(1);
    expect(check(wrong).mutual.bad).toBe(1);
    expect(checkCase(c, { kind: 'attention', ...inputs }, { sparsec: good, 'onnxruntime-web': wrong }, impls)).toMatchObject({ ok: false, dropped: ['onnxruntime-web'] });
    expect(checkCase(c, { kind: 'attention', ...inputs }, { sparsec: good, a: wrong, b: good }, ['sparsec', 'a', 'b'])).toMatchObject({ ok: true, dropped: ['a'] });
    const unwritten = good.slice();
    unwritten[good.length - 1] = NaN;
    expect(check(unwritten).byImpl['sparsec']!.bad).toBe(1);
    expect(check(undefined).ok).toBe(false);
  });
});

describe('sparsec bench --browser usage', () => {
  const run = async (opts: Parameters<typeof runBenchCommand>[0]) => {
    const err: string[] = [];
    const code = await runBenchCommand(opts, { out: () => undefined, err: (s) => err.push(s) });
    return { code, err: err.join('') };
  };

  it('needs --target webgpu, knows its cases and refuses --no-peers (exit 2, before starting a browser)', async () => {
    expect(await run({ browser: true, target: 'wasm' })).toEqual({ code: 2, err: expect.stringContaining('add --target webgpu') });
    expect(await run({ browser: true, target: 'webgpu', cases: ['document'] })).toEqual({ code: 2, err: expect.stringContaining('unknown browser case(s) document') });
    expect(await run({ browser: true, target: 'webgpu', noPeers: true })).toEqual({ code: 2, err: expect.stringContaining('--no-peers does not apply') });
  });
});
