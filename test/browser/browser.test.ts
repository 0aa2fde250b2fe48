import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { chromium, type Browser } from 'playwright-core';
import { buildDemoSpec } from './spec.js';
import { skipTarget } from '../support/targets.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
/** Flags that give headless Chromium a WebGPU adapter on SwiftShader (no GPU, no network). */
const FLAGS = [
  '--headless=new', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-webgpu-adapter=swiftshader',
  '--ignore-gpu-blocklist', '--enable-gpu', '--no-sandbox', '--disable-background-networking', '--no-first-run',
];
/** Where the screenshot goes: the kept copy that the README shows with UPDATE_SCREENSHOT=1, else a temp file. */
export const SCREENSHOT = process.env['UPDATE_SCREENSHOT'] === '1' ? `${ROOT}examples/browser/screenshot.png` : join(tmpdir(), `sparsec-browser-${process.pid}.png`);

/** Serves the page, the runtime (TypeScript transpiled on the fly) and the generated kernels. */
function serve(kernelsJson: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (type: string, body: string): void => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    // `/runtime/x.js` is src/runtime/webgpu/x.ts; `/x.js` (a `../x.js` import of it) is src/runtime/x.ts.
    const m = /^\/(runtime\/)?([\w-]+)\.js$/.exec(url.pathname);
    const runtimeFile = m ? `${ROOT}src/runtime/${m[1] ? 'webgpu/' : ''}${m[2]}.ts` : null;
    if (url.pathname === '/' || url.pathname === '/index.html') return send('text/html', readFileSync(`${ROOT}examples/browser/index.html`, 'utf8'));
    if (url.pathname === '/main.js') return send('text/javascript', readFileSync(`${ROOT}examples/browser/main.js`, 'utf8'));
    if (url.pathname === '/kernels.json') return send('application/json', kernelsJson);
    if (runtimeFile && existsSync(runtimeFile)) {
      const source = readFileSync(runtimeFile, 'utf8');
      const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
      return send('text/javascript', js);
    }
    res.writeHead(404);
    res.end('not found');
  });
}

interface PageResult {
  ok: boolean;
  done?: boolean;
  error?: string;
  attention?: { pass: boolean; maxAbsErr: number; name: string };
  gemm?: { pass: boolean; maxAbsErr: number; name: string };
}

describe.skipIf(skipTarget('browser', existsSync(CHROMIUM), `no ${CHROMIUM}; run scripts/setup-webgpu.sh`))('browser demo in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    server = serve(JSON.stringify(buildDemoSpec()));
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
    expect(result.ok).toBe(true);
    expect(existsSync(SCREENSHOT)).toBe(true);
  }, 120_000);
});
