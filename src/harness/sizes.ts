/**
 * @file The size cases a kernel is verified on: its declared sizes (dynamic ones given modest
 * defaults) plus edge cases on the dynamic dimensions. Static sizes are never changed.
 */
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel, Size } from '../model/kernel.js';
import type { SelectKernel } from '../model/select.js';
import type { RandomOptions } from '../reference/random.js';
import { weightFormat } from '../runtime/formats/index.js';

/** One size case of a kernel, with options for its random inputs. */
export interface VerifyCase {
  /** Short name shown in reports, e.g. "declared b2 h4:2 q257/257 d32". */
  readonly label: string;
  readonly sizes: AttentionSizes | GemmSizes;
  /** Options for the random runtime inputs / weights (e.g. a low density). */
  readonly random?: RandomOptions;
}

/** Defaults for dynamic attention sizes (lengths deliberately not a multiple of any tile). */
export const ATTENTION_DEFAULTS = { batch: 2, heads: 4, headDim: 32, seq: 257 } as const;
/** Defaults for dynamic gemm sizes. */
export const GEMM_DEFAULTS = { m: 3, n: 64, k: 128 } as const;
/** Edge lengths used for dynamic sequence lengths: not multiples of 16 / 64 / 128. */
export const EDGE_LENGTHS = [1, 7, 129, 200] as const;
/** Density of runtime inputs in the "sparse inputs" case, which produces rows with no allowed key. */
export const SPARSE_DENSITY = 0.01;

const fixed = (s: Size): number | undefined => (s === 'dynamic' ? undefined : s);

/** Overrides for dynamic attention dimensions; static dimensions ignore them. */
type AttentionOverrides = Partial<AttentionSizes>;

/** Concrete attention sizes: static ones as declared, dynamic ones from `over` or the defaults. */
export function resolveAttentionSizes(kernel: AttentionKernel | SelectKernel, over: AttentionOverrides = {}): AttentionSizes {
  const staticHeads = fixed(kernel.heads);
  const staticKv = fixed(kernel.kvHeads);
  const heads = staticHeads ?? over.heads ?? (staticKv !== undefined ? staticKv * 2 : ATTENTION_DEFAULTS.heads);
  const kvHeads = staticKv ?? (over.kvHeads !== undefined && heads % over.kvHeads === 0 ? over.kvHeads : heads % 2 === 0 ? heads / 2 : heads);
  const headDim = fixed(kernel.headDim) ?? over.headDim ?? ATTENTION_DEFAULTS.headDim;
  const valueDim = fixed(kernel.valueDim) ?? over.valueDim ?? headDim;
  const staticQ = fixed(kernel.qLen);
  const kvLen = fixed(kernel.kvLen) ?? over.kvLen ?? Math.max(staticQ ?? 0, ATTENTION_DEFAULTS.seq);
  const qLen = staticQ ?? Math.min(over.qLen ?? kvLen, kvLen);
  const batch = fixed(kernel.batch) ?? over.batch ?? ATTENTION_DEFAULTS.batch;
  return { batch, heads, kvHeads, headDim, valueDim, qLen, kvLen };
}

function attentionLabel(tag: string, s: AttentionSizes): string {
  const dims = s.valueDim === s.headDim ? `d${s.headDim}` : `d${s.headDim}/${s.valueDim}`;
  return `${tag} b${s.batch} h${s.heads}:${s.kvHeads} q${s.qLen}/${s.kvLen} ${dims}`;
}

/** Edge overrides for the kernel's dynamic lengths. */
function lengthEdges(kernel: AttentionKernel | SelectKernel): { tag: string; over: AttentionOverrides }[] {
  const qDyn = kernel.qLen === 'dynamic';
  const kvDyn = kernel.kvLen === 'dynamic';
  const edges: { tag: string; over: AttentionOverrides }[] = [];
  if (qDyn && kvDyn) {
    for (const n of EDGE_LENGTHS) edges.push({ tag: `len ${n}`, over: { qLen: n, kvLen: n, batch: 1 } });
    edges.push({ tag: 'decode', over: { qLen: 1, kvLen: 200, batch: 2 } });
    edges.push({ tag: 'chunk', over: { qLen: 64, kvLen: 200, batch: 1 } });
  } else if (kvDyn) {
    const q = fixed(kernel.qLen)!;
    for (const n of EDGE_LENGTHS) if (n >= q) edges.push({ tag: `kv ${n}`, over: { kvLen: n, batch: 1 } });
  } else if (qDyn) {
    const kv = fixed(kernel.kvLen)!;
    for (const n of EDGE_LENGTHS) if (n <= kv) edges.push({ tag: `q ${n}`, over: { qLen: n, batch: 1 } });
  }
  return edges;
}

/** Edge overrides for dynamic heads and head_dim. */
function shapeEdges(kernel: AttentionKernel | SelectKernel): { tag: string; over: AttentionOverrides }[] {
  const edges: { tag: string; over: AttentionOverrides }[] = [];
  if (kernel.heads === 'dynamic' && kernel.kvHeads === 'dynamic') edges.push({ tag: 'mqa', over: { heads: 3, kvHeads: 1, batch: 1 } });
  if (kernel.headDim === 'dynamic') edges.push({ tag: 'odd dim', over: { headDim: 7, batch: 1 } });
  return edges;
}

function attentionCases(kernel: AttentionKernel | SelectKernel): VerifyCase[] {
  const declared = resolveAttentionSizes(kernel);
  const cases: VerifyCase[] = [{ label: attentionLabel('declared', declared), sizes: declared }];
  for (const { tag, over } of [...lengthEdges(kernel), ...shapeEdges(kernel)]) {
    const sizes = resolveAttentionSizes(kernel, over);
    cases.push({ label: attentionLabel(tag, sizes), sizes });
  }
  // Low-density runtime inputs (and no forced diagonal blocks) make rows with no allowed key.
  if (kernel.inputs.length > 0) {
    const sizes = resolveAttentionSizes(kernel, { qLen: 129, kvLen: 129 });
    cases.push({ label: attentionLabel('sparse inputs', sizes), sizes, random: { density: SPARSE_DENSITY, diagonalBlocks: false } });
  }
  return dedupe(cases);
}

/** Concrete gemm sizes: static ones as declared, dynamic ones from `over` or the defaults. */
export function resolveGemmSizes(kernel: GemmKernel, over: Partial<GemmSizes> = {}): GemmSizes {
  return {
    m: fixed(kernel.m) ?? over.m ?? GEMM_DEFAULTS.m,
    n: fixed(kernel.n) ?? over.n ?? GEMM_DEFAULTS.n,
    k: fixed(kernel.k) ?? over.k ?? GEMM_DEFAULTS.k,
  };
}

function gemmCases(kernel: GemmKernel): VerifyCase[] {
  const label = (tag: string, s: GemmSizes): string => `${tag} m${s.m} n${s.n} k${s.k}`;
  const declared = resolveGemmSizes(kernel);
  const cases: VerifyCase[] = [{ label: label('declared', declared), sizes: declared }];
  const edges: { tag: string; over: Partial<GemmSizes> }[] = [
    { tag: 'single row', over: { m: 1 } },
    { tag: 'odd', over: { m: 17, n: 33, k: 37 } },
  ];
  for (const { tag, over } of edges) {
    const sizes = resolveGemmSizes(kernel, over);
    cases.push({ label: label(tag, sizes), sizes });
  }
  if (weightFormat(kernel.weight.format).anyDensity) {
    cases.push({ label: label('sparse weight', declared), sizes: declared, random: { density: SPARSE_DENSITY } });
  }
  return dedupe(cases);
}

/** Drops cases whose sizes and random options repeat an earlier case. */
function dedupe(cases: VerifyCase[]): VerifyCase[] {
  const seen = new Set<string>();
  return cases.filter((c) => {
    const key = JSON.stringify([c.sizes, c.random ?? null]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The size cases of a kernel: the declared sizes (dynamic ones replaced by defaults: seq 257,
 * batch 2, heads 4, head_dim 32; gemm m 3, n 64, k 128) plus edge cases that change only dynamic
 * dimensions: lengths 1, 7, 129, 200, decode (q_len 1 < kv_len), a chunk (q_len < kv_len), MQA,
 * odd head_dim; gemm m = 1 and odd m/n/k. A kernel with runtime inputs also gets a "sparse inputs"
 * case (density 0.01, no forced diagonal blocks) that produces rows with no allowed key. A fully
 * static kernel is verified at its declared sizes only (the harness samples rows when they are big).
 */
export function verifySizes(kernel: Kernel): VerifyCase[] {
  return kernel.kind === 'gemm' ? gemmCases(kernel) : attentionCases(kernel);
}
