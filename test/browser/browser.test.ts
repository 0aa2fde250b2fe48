/** @file The browser demo in headless Chromium (SwiftShader): the page loads the generated library with `load('webgpu')` and checks both kernels. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { chromium, type Browser } from 'playwright-core';
import { buildDemoLibrary } from './spec.js';
import { skipTarget } from '../support/targets.js';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
/** Flags that give headless Chromium a WebGPU adapter on SwiftShader (no GPU, no network). */
const FLAGS = [
  '--headless=new', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-webgpu-adapter=swiftshader',
  '--ignore-gpu-blocklist', '--enable-gpu', '--no-sandbox', '--disable-background-networking', '--no-first-run',
];
/** Where the screenshot goes: the kept copy that the README shows with UPDATE_SCREENSHOT=1, else a temp file. */
export const SCREENSHOT = process.env['UPDATE_SCREENSHOT'] === '1' ? `${ROOT}examples/browser/screenshot.png` : join(tmpdir(), `sparsec-browser-${process.pid}.png`);

/** Content types of the files served. */
const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };

/**
 * Serves the page, the runtime (`/runtime/<path>.js` is src/runtime/<path>.ts transpiled on the fly, and the plain
 * data helpers it uses from src/model/; the page's import map points `sparsec/runtime` at it) and the generated
 * library (`/lib/`, from `sparsec build --target webgpu`).
 */
function serve(libDir: string): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (type: string, body: string | Buffer): void => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const runtime = /^\/((?:runtime|model)\/[\w/-]+)\.js$/.exec(path);
    const lib = /^\/lib\/([\w.-]+)$/.exec(path);
    const page = /^\/(index\.html|main\.js)$/.exec(path);
    if (page) return send(TYPES[extname(path)]!, readFileSync(`${ROOT}examples/browser/${page[1]}`));
    if (runtime && existsSync(`${ROOT}src/${runtime[1]}.ts`)) {
      const source = readFileSync(`${ROOT}src/${runtime[1]}.ts`, 'utf8');
      return send('text/javascript', ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText);
    }
    if (lib && existsSync(join(libDir, lib[1]!))) return send(TYPES[extname(lib[1]!)] ?? 'application/octet-stream', readFileSync(join(libDir, lib[1]!)));
    res.writeHead(404);
    res.end('not found');
  });
}

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
    server = serve(await buildDemoLibrary());
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
