/**
 * @file The sparsec kernels of the bench cases, written in the sparsec language and checked by the project's own
 * front end and checker: one attention kernel per mask (or the all-keys dense kernel) and one gemm kernel per format.
 */
import { checkProgram } from '../../checker/check.js';
import { renderDiagnostic } from '../../diagnostics/render.js';
import { parseSource } from '../../frontend/parse.js';
import type { AttentionKernel, GemmKernel, Kernel } from '../../model/kernel.js';
import type { AttentionCase } from '../framework/cases.js';
import type { GemmCase, GemmData } from '../framework/gemm-cases.js';
import { formatText } from '../../runtime/formats/index.js';

/** Parses and checks one in-memory `.sparse` file and returns its only kernel; throws with rendered diagnostics. */
export function checkKernelSource(text: string, file = 'bench.sparse'): Kernel {
  const { module, diagnostics: parseDiagnostics } = parseSource(file, text);
  const sources = new Map([[file, text]]);
  const checked = checkProgram({ modules: [{ path: `/virtual/${file}`, display: file, module, imports: [] }], sources });
  const errors = [...parseDiagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error');
  if (errors.length > 0 || checked.kernels.length !== 1) {
    throw new Error(`bench kernel does not check:\n${errors.map((d) => renderDiagnostic(d, sources)).join('\n')}\n${text}`);
  }
  return checked.kernels[0]!;
}

/** Source text of the attention kernel of a case: its own mask, or (dense) every key of every query. */
export function attentionSource(c: AttentionCase, dense: boolean): string {
  const { batch, heads, seq, headDim } = c.shape;
  const name = dense ? 'bench_dense' : `bench_${c.name}`;
  const pattern = dense ? `pattern ${name}_mask = true` : `pattern ${name}_mask${c.params ? `(${c.params})` : ''} = ${c.pattern}`;
  return `${pattern}\nkernel ${name} = attention(${name}_mask) {\n  batch = ${batch}; heads = ${heads}; head_dim = ${headDim}\n  seq = ${seq}\n  dtype = f32\n}\n`;
}

/** The checked attention kernel of a case (see `attentionSource`). */
export function attentionKernelFor(c: AttentionCase, dense: boolean): AttentionKernel {
  return checkKernelSource(attentionSource(c, dense)) as AttentionKernel;
}

/** Rows of X one tile covers in the bench's gemm kernels: every row up to 16 (the default 4 wastes rows of a gemv). */
export const BENCH_TILE_M = 16;

/**
 * The bench's per-kernel wasm schedule for an m-row gemm: one m tile over all rows (at most 16) and, with 16 rows,
 * k tiles of 256; the same for sparse and dense kernels, so their comparison stays fair.
 */
export function gemmSchedule(m: number): string {
  const tileM = Math.min(m, BENCH_TILE_M);
  return `schedule wasm { tile_m = ${tileM}${tileM >= BENCH_TILE_M ? '; tile_kd = 256' : ''} }`;
}

/** Source text of the gemm kernel of a case: its weight format and input threshold, or (dense) a plain dense gemm. */
export function gemmSource(c: GemmCase, data: GemmData, dense: boolean): string {
  const weight = dense ? 'dense' : formatText(c.weight);
  const input = !dense && data.threshold !== null ? `\n  input = threshold(${String(data.threshold)})` : '';
  const name = dense ? 'bench_gemm_dense' : `bench_${c.name}`;
  return `kernel ${name} = gemm {\n  m = ${c.m}; n = ${c.n}; k = ${c.k}\n  weight = ${weight}${input}\n  ${gemmSchedule(c.m)}\n}\n`;
}

/** The checked gemm kernel of a case (see `gemmSource`). */
export function gemmKernelFor(c: GemmCase, data: GemmData, dense: boolean): GemmKernel {
  return checkKernelSource(gemmSource(c, data, dense)) as GemmKernel;
}
