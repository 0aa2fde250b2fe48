/**
 * @file The browser bench driver: starts the local server, launches Debian's headless Chromium (WebGPU on
 * SwiftShader when there is no GPU) with playwright-core, runs every case on the page and turns samples into rows.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { makeRow, type BenchRow, type Impl } from '../framework/rows.js';
import { summarize, type TimingOptions } from '../framework/timing.js';
import { browserCase, BROWSER_SHAPES, type BrowserCaseName, type BrowserShapes } from './cases.js';
import { checkCase, type CaseCheck } from './check.js';
import { casePayload } from './payload.js';
import { startBenchServer, type BenchServer, type BenchServerRoots } from './server.js';

/** Debian's Chromium (installed by scripts/setup-webgpu.sh). */
export const CHROMIUM = '/usr/bin/chromium';
/** Flags that give headless Chromium a WebGPU adapter on SwiftShader (no GPU, no network); as test/browser uses. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless=new', '--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-webgpu-adapter=swiftshader',
  '--ignore-gpu-blocklist', '--enable-gpu', '--no-sandbox', '--disable-background-networking', '--no-first-run',
];

/** Timing of a full browser run: 2 warm-ups, then at least 5 runs and 1 s of samples (at most 100 runs). */
export const BROWSER_TIMING: TimingOptions = { warmup: 2, minRuns: 5, minMs: 1000, maxRuns: 100 };
/** Timing of tests: 1 warm-up and 2 timed runs. */
export const BROWSER_TEST_TIMING: TimingOptions = { warmup: 1, minRuns: 2, minMs: 0, maxRuns: 2 };

/** Options of one browser bench run. */
export interface BrowserBenchOptions {
  readonly cases: readonly BrowserCaseName[];
  readonly shapes?: BrowserShapes;
  readonly timing?: TimingOptions;
  /** Progress lines (standard error in the CLI). */
  readonly progress?: (message: string) => void;
  /** Per case limit for the page's work (default 10 minutes). */
  readonly caseTimeoutMs?: number;
  /** Chromium's command line (default CHROMIUM_FLAGS, which pick SwiftShader; a GPU machine would pass its own). */
  readonly chromiumArgs?: readonly string[];
}

/** Rows, correctness checks, the adapter the page got, and notes of one run. */
export interface BrowserBenchResult {
  readonly rows: BenchRow[];
  readonly checks: CaseCheck[];
  readonly adapter: string;
  readonly notes: string[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
/** Folders the server reads (resolved on use, so loading this module needs no onnxruntime-web). */
function serverRoots(): BenchServerRoots {
  return {
    /** The page sits in src/ for both src/ (vitest) and dist/ (CLI) runs: tsc copies no assets. */
    page: `${HERE}/../../../src/bench/browser/page`,
    /** src/runtime or dist/runtime, whichever this module was loaded from. */
    runtime: `${HERE}/../../runtime`,
    ort: dirname(createRequire(import.meta.url).resolve('onnxruntime-web')),
  };
}

/** Chromium ran but its page has no WebGPU adapter (tests skip on it unless every target is required). */
export class WebGpuUnavailableError extends Error {}

const NO_WEBGPU = /navigator\.gpu is missing|no WebGPU adapter/;

/** Whether the browser bench can run here, and why not. */
export function browserBenchAvailability(): { ok: true } | { ok: false; reason: string } {
  return existsSync(CHROMIUM) ? { ok: true } : { ok: false, reason: `no ${CHROMIUM}; run scripts/setup-webgpu.sh` };
}

interface PageInfo {
  readonly adapter: string;
  readonly ort: string;
  /** Features of the page's sparsec device: the WGSL variant printed for it is the best one they allow. */
  readonly features: readonly string[];
}
type PageSamples = Record<string, number[]>;
interface BenchPageWindow {
  benchPage?: { init(): Promise<PageInfo>; runCase(id: string, timing: TimingOptions): Promise<PageSamples> };
}

async function openPage(browser: Browser, url: string, pageErrors: string[]): Promise<{ page: Page; info: PageInfo }> {
  const page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await page.goto(`${url}/`);
  await page.waitForFunction(() => (globalThis as unknown as BenchPageWindow).benchPage !== undefined, null, { timeout: 60_000 });
  try {
    const info = await page.evaluate(() => (globalThis as unknown as BenchPageWindow).benchPage!.init());
    return { page, info };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw NO_WEBGPU.test(message) ? new WebGpuUnavailableError(`headless Chromium: ${NO_WEBGPU.exec(message)![0]}`) : error;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

async function runCases(page: Page, server: BenchServer, o: BrowserBenchOptions, result: BrowserBenchResult, pageErrors: string[], features: ReadonlySet<string>): Promise<void> {
  const timing = o.timing ?? BROWSER_TIMING;
  for (const name of o.cases) {
    const c = browserCase(name, o.shapes ?? BROWSER_SHAPES);
    const payload = casePayload(c, features);
    server.cases.set(name, payload);
    o.progress?.(`${name} (${c.description}): sparsec, then onnxruntime-web (webgpu${c.kind === 'attention' ? '; plain ops, then MultiHeadAttention' : ''})`);
    const run = page.evaluate(({ id, t }) => (globalThis as unknown as BenchPageWindow).benchPage!.runCase(id, t), { id: name, t: timing });
    const samples = await withTimeout(run, o.caseTimeoutMs ?? 600_000, `browser case ${name}`).catch((error: unknown) => {
      throw new Error(`${error instanceof Error ? error.message : String(error)}${pageErrors.length ? ` (page: ${pageErrors.join('; ')})` : ''}`);
    });
    server.cases.delete(name);
    // sparsec first, then the onnxruntime-web runs (plain ops, then MultiHeadAttention); the faster correct one is the baseline.
    const runs: { key: string; impl: Impl; target: string; canonical: (o: Float32Array) => Float32Array; flops: number }[] = [
      { key: 'sparsec', impl: 'sparsec', target: 'webgpu', canonical: (o) => o, flops: payload.work.liveFlops },
      ...payload.ortRuns.map((r) => ({ ...r, impl: 'onnxruntime-web' as const, flops: payload.work.denseFlops })),
    ];
    const outputs = Object.fromEntries(runs.map((r) => {
      const posted = server.outputs.get(`${name}/${r.key}`);
      return [r.key, posted && r.canonical(posted)];
    }));
    const check = checkCase(c, payload.inputs, outputs, runs.map((r) => r.key));
    result.checks.push(check);
    for (const key of check.dropped) {
      result.notes.push(`${name}: ${key} output is wrong (max |error| ${check.byImpl[key]!.maxAbsErr.toExponential(1)} against the float64 reference); its row is left out`);
    }
    for (const r of runs.filter((x) => !check.dropped.includes(x.key))) {
      const s = samples[r.key];
      if (!s || s.length === 0) throw new Error(`browser case ${name}: no timings from ${r.key}`);
      result.rows.push(makeRow({
        caseName: name, impl: r.impl, target: r.target, threads: 1, timing: summarize(s),
        creditedFlops: r.flops, liveFlops: payload.work.liveFlops, density: payload.work.density,
      }));
    }
    for (const r of runs) server.outputs.delete(`${name}/${r.key}`);
  }
}

/** Runs the selected cases in one headless Chromium page; throws when Chromium, WebGPU or a case fails. */
export async function runBrowserBench(o: BrowserBenchOptions): Promise<BrowserBenchResult> {
  const available = browserBenchAvailability();
  if (!available.ok) throw new Error(`browser bench: ${available.reason}`);
  const { chromium } = await import('playwright-core');
  const server = await startBenchServer(serverRoots());
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...(o.chromiumArgs ?? CHROMIUM_FLAGS)] });
    const { page, info } = await openPage(browser, server.url, pageErrors);
    const notes = [
      `browser: Chromium ${browser.version()}, WebGPU adapter '${info.adapter}' (features ${info.features.join(', ') || 'none'}; sparsec runs the best WGSL variant they allow), onnxruntime-web ${info.ort} (webgpu execution provider, 1 wasm thread)`,
      'each timed run ends when the output is back in JS memory: sparsec = dispatch + copy/map of the output buffer; onnxruntime-web = session.run with inputs already in GPU buffers and the output read back to the CPU',
      'onnxruntime-web rows: target webgpu = the plain-op graph of onnx-models.ts (MatMul, Add bias, Softmax, MatMul); webgpu-mha = one com.microsoft.MultiHeadAttention node with the mask as attention_bias (FlashAttention on WebGPU), the speed-up column compares with the faster of the two onnxruntime-web rows whose output is right (a wrong output drops the row)',
    ];
    const result: BrowserBenchResult = { rows: [], checks: [], adapter: info.adapter, notes };
    await runCases(page, server, o, result, pageErrors, new Set(info.features));
    return result;
  } finally {
    await browser?.close();
    await server.close();
  }
}
