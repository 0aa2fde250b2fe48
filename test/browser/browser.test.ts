/** @file The browser demo in headless Chromium (SwiftShader): the page loads the generated library with `load('webgpu')` and checks both kernels. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { buildDemoLibrary } from './spec.js';
import { skipTarget } from '../support/targets.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The server `npm run demo` runs (a plain ES module of the example).
// @ts-expect-error no type declarations for the example's .mjs
import { createDemoServer } from '../../examples/browser/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
/** Flags that give headless Chromium a WebGPU adapter on SwiftShader (no GPU, no network). */
const FLAGS = [
  '--headless=new', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-webgpu-adapter=swiftshader',
  '--ignore-gpu-blocklist', '--enable-gpu', '--no-sandbox', '--disable-background-networking', '--no-first-run',
];
/** Where the screenshot goes: the kept copy that the README shows with UPDATE_SCREENSHOT=1, else a temp file. */
export const SCREENSHOT = process.env['UPDATE_SCREENSHOT'] === '1' ? `${ROOT}examples/browser/screenshot.png` : join(tmpdir(), `sparsec-browser-${process.pid}.png`);

interface PageResult {
  ok: boolean;
  done?: boolean;
  error?: string;
  attention?: { pass: boolean; maxAbsErr: number; name: string; variant: string };
  gemm?: { pass: boolean; maxAbsErr: number; name: string; variant: string };
  rejected?: string;
}

describe.skipIf(skipTarget('browser', existsSync(CHROMIUM), `no ${CHROMIUM}; run scripts/setup-webgpu.sh`))('browser demo in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    server = (createDemoServer as (libDir: string) => Server)(await buildDemoLibrary());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  it('runs a sparse attention and a sparse gemm kernel and matches the in-page reference', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 760 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await page.waitForFunction(() => (window as unknown as { __sparsec?: PageResult }).__sparsec?.done === true, null, { timeout: 90_000 });
    const result = await page.evaluate(() => (window as unknown as { __sparsec: PageResult }).__sparsec);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    expect(result.error).toBeUndefined();
    expect(result.attention?.pass).toBe(true);
    expect(result.gemm?.pass).toBe(true);
    expect(result.attention!.maxAbsErr).toBeLessThan(1e-4);
    // Chromium's SwiftShader adapter has `subgroups`: the attention kernel runs that variant; the gemm has no row reduction
    expect([result.attention?.variant, result.gemm?.variant]).toEqual(['demo_attention.subgroups.webgpu.json', 'demo_gemm.webgpu.json']);
    expect(result.rejected).toMatch(/demo_attention: input 'q' has 10 elements, expected 2048/);
    expect(result.ok).toBe(true);
    expect(existsSync(SCREENSHOT)).toBe(true);
  }, 120_000);
});
