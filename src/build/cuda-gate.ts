/**
 * @file The nvcc compile gate of `sparsec build --target cuda`: every written .cu is compiled to a cubin per
 * architecture (sm_80, sm_90; `nvcc -cubin -Xptxas -v`, several at once), ptxas's report (registers, shared
 * memory, spills, stack, barriers) goes into the manifest's cuda section, and the build fails on a compile
 * error or on spilled bytes above the schedule's `max_spill_bytes` (default 0). Without nvcc the sources stay
 * as written and the section says they were not compiled.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CudaPtxasReport, CudaSection, KernelManifest } from '../runtime/library/manifest.js';

/** Architectures every kernel is compiled for. */
export const CUDA_ARCHS: readonly string[] = ['sm_80', 'sm_90'];

/** The nvcc the gate runs (SPARSEC_NVCC overrides). */
export const NVCC = process.env['SPARSEC_NVCC'] ?? 'nvcc';

/** What the gate did, for the command line. */
export interface GateSummary {
  /** Translation units compiled (per architecture), or 0 when nvcc is missing. */
  readonly compiled: number;
  /** Why nothing was compiled (nvcc missing), or null. */
  readonly skipped: string | null;
  /** One line per kernel variant and architecture: registers, shared memory, spills. */
  readonly table: readonly string[];
}

/** ptxas's figures from its `-v` output for the one entry function of a translation unit. */
export function parsePtxas(text: string, cubin: string): CudaPtxasReport {
  const num = (re: RegExp): number => Number(re.exec(text)?.[1] ?? 0);
  if (!/Used \d+ registers/.test(text)) throw new Error(`no ptxas report in nvcc's output:\n${text}`);
  return {
    cubin,
    registers: num(/Used (\d+) registers/),
    sharedBytes: num(/(\d+) bytes smem/),
    spillStores: num(/(\d+) bytes spill stores/),
    spillLoads: num(/(\d+) bytes spill loads/),
    stackBytes: num(/(\d+) bytes stack frame/),
    barriers: num(/used (\d+) barriers/),
  };
}

/** Spilled bytes the kernel's schedule allows (`max_spill_bytes` of targets/cuda.json or its `schedule cuda { }`). */
export function spillAllowance(section: CudaSection): number {
  const extra = section.schedule['extra'] as Readonly<Record<string, unknown>> | undefined;
  return Number(extra?.['max_spill_bytes'] ?? 0);
}

/** The nvcc version line, or null when nvcc does not run here. */
export function nvccVersion(): string | null {
  const r = spawnSync(NVCC, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return /release [\d.]+, V[\d.]+/.exec(r.stdout)?.[0] ?? r.stdout.trim().split('\n').pop() ?? 'nvcc';
}

function runNvcc(args: readonly string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(NVCC, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (e) => resolve({ code: -1, output: `${output}${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? -1, output }));
  });
}

/** Runs `jobs` with at most `limit` at once. */
async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, jobs.length)) }, worker));
  return out;
}

/**
 * Compiles every cuda variant of the manifests in `files` (changed in place: cubins added, manifests rewritten
 * with the report). Throws on a compile error (with the repro command) or a spill the schedule did not allow.
 */
export async function cudaCompileGate(files: Map<string, string | Uint8Array>, jobs = availableParallelism()): Promise<GateSummary> {
  const manifests = [...files.entries()].filter(([name]) => name.endsWith('.manifest.json'))
    .map(([name, text]) => ({ name, manifest: JSON.parse(String(text)) as KernelManifest }))
    .filter((m) => m.manifest.cuda);
  const version = nvccVersion();
  if (version === null) {
    for (const m of manifests) {
      files.set(m.name, `${JSON.stringify({ ...m.manifest, cuda: { ...m.manifest.cuda!, nvcc: `not found: sources written, not compiled` } }, null, 2)}\n`);
    }
    return { compiled: 0, skipped: `nvcc was not found ('${NVCC}'): the CUDA sources are written but were not compiled`, table: [] };
  }
  const dir = mkdtempSync(join(tmpdir(), 'sparsec-nvcc-'));
  try {
    const tasks: (() => Promise<{ m: number; v: number; arch: string; report: CudaPtxasReport }>)[] = [];
    manifests.forEach((m, mi) => m.manifest.cuda!.variants.forEach((variant, vi) => {
      writeFileSync(join(dir, variant.file), String(files.get(variant.file)));
      for (const arch of CUDA_ARCHS) {
        tasks.push(async () => {
          const cubin = variant.file.replace(/\.cu$/, `.${arch}.cubin`);
          const args = ['-cubin', `-arch=${arch}`, '-O3', '-Xptxas', '-v', '-o', join(dir, cubin), join(dir, variant.file)];
          const r = await runNvcc(args);
          if (r.code !== 0) throw new Error(`nvcc failed on ${variant.file} for ${arch}:\n${r.output.trim()}\nrepro: ${NVCC} ${args.join(' ')}`);
          files.set(cubin, new Uint8Array(readFileSync(join(dir, cubin))));
          return { m: mi, v: vi, arch, report: parsePtxas(r.output, cubin) };
        });
      }
    }));
    const results = await pool(tasks, jobs);
    const table: string[] = [];
    const spills: string[] = [];
    manifests.forEach((m, mi) => {
      const section = m.manifest.cuda!;
      const allowed = spillAllowance(section);
      const variants = section.variants.map((variant, vi) => {
        const compiled: Record<string, CudaPtxasReport> = {};
        for (const r of results.filter((x) => x.m === mi && x.v === vi)) {
          compiled[r.arch] = r.report;
          const spilled = Math.max(r.report.spillStores, r.report.spillLoads);
          table.push(`${variant.file} ${r.arch}: ${r.report.registers} registers, ${r.report.sharedBytes} B shared, ${r.report.spillStores}/${r.report.spillLoads} B spill stores/loads, ${r.report.stackBytes} B stack`);
          if (spilled > allowed) spills.push(`${variant.file} spills ${spilled} bytes on ${r.arch} (registers ${r.report.registers}); its schedule allows ${allowed}`);
        }
        return { ...variant, compiled };
      });
      const cuda: CudaSection = { ...section, variants, nvcc: version };
      files.set(m.name, `${JSON.stringify({ ...m.manifest, cuda }, null, 2)}\n`);
    });
    if (spills.length > 0) throw new Error(`${spills.join('\n')}\n(a kernel may allow spills with schedule cuda { max_spill_bytes = N })`);
    return { compiled: tasks.length, skipped: null, table };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
