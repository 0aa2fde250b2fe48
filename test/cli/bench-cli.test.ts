/** @file `sparsec bench` before it runs anything: case names with did-you-mean, and the optional packages each mode needs. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { missingBenchPeers } from '../../src/cli/commands/bench.js';
import type { Io } from '../../src/cli/io.js';

function capture(): Io & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, text: () => lines.join('\n') };
}

describe('sparsec bench arguments', () => {
  it('refuses an unknown case with the closest name (exit 2)', async () => {
    const io = capture();
    expect(await main(['bench', '--case', 'gemm_nm24,windw'], io)).toBe(2);
    expect(io.text()).toContain("unknown case 'windw' (did you mean 'window'?)");
    const browser = capture();
    expect(await main(['bench', '--target', 'webgpu', '--browser', '--case', 'window_decod'], browser)).toBe(2);
    expect(browser.text()).toContain("unknown browser case 'window_decod' (did you mean 'window_decode'?)");
  });

  it('names the optional packages a mode needs and lacks', () => {
    const none = (): boolean => false;
    expect(missingBenchPeers({}, none).map((m) => m.split('@')[0])).toEqual(['onnx-proto', 'onnxruntime-web', 'onnxruntime-node']);
    expect(missingBenchPeers({ peers: false, plot: 'a.svg' }, none).map((m) => m.split('@')[0])).toEqual(['onnx-proto', 'vega']);
    expect(missingBenchPeers({ target: 'webgpu', browser: true }, none).map((m) => m.split('@')[0])).toEqual(['onnx-proto', 'onnxruntime-web', 'playwright-core']);
    expect(missingBenchPeers({ target: 'webgpu', peers: false }, none).map((m) => m.split('@')[0])).toEqual(['onnx-proto', 'webgpu']);
    expect(missingBenchPeers({ plot: 'a.svg' })).toEqual([]);
  });
});
