/**
 * @file Sizes of `sparsec bench FILE --kernel NAME`: the `--sizes seq=4096,heads=8,...` option parsed and applied to
 * a kernel's dynamic sizes (a static size may be restated, never changed); unset dynamic sizes get the issue's shape.
 */
import { didYouMean } from '../../checker/suggest.js';
import type { AttentionKernel, AttentionSizes, GemmKernel, GemmSizes, Kernel, Size } from '../../model/kernel.js';
import { ISSUE_ATTENTION_SHAPE, type AttentionShape } from '../framework/cases.js';
import { ISSUE_GEMM_SHAPE, type GemmShape } from '../framework/gemm-cases.js';

/** Size names `--sizes` accepts for attention kernels (`seq` sets q_len and kv_len together). */
export const ATTENTION_SIZE_NAMES = ['batch', 'heads', 'kv_heads', 'head_dim', 'value_dim', 'q_len', 'kv_len', 'seq'] as const;
/** Size names `--sizes` accepts for gemm kernels. */
export const GEMM_SIZE_NAMES = ['m', 'n', 'k'] as const;

/** Parsed `--sizes`: name to value, in the order given. */
export type SizeSettings = ReadonlyMap<string, number>;

/** Parses `seq=4096,heads=8` (several options are joined); throws on a malformed item or a repeated name. */
export function parseSizes(items: readonly string[] | undefined): SizeSettings {
  const out = new Map<string, number>();
  for (const item of (items ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean)) {
    const match = /^([a-z_]+)=(\d+)$/.exec(item);
    if (!match) throw new Error(`--sizes: '${item}' is not name=positive integer (e.g. seq=4096,heads=8)`);
    const [, name, text] = match;
    const value = Number(text);
    if (!(value >= 1) || !Number.isSafeInteger(value)) throw new Error(`--sizes: ${name} must be a positive integer, got ${text}`);
    if (out.has(name!)) throw new Error(`--sizes: ${name} is given twice`);
    out.set(name!, value);
  }
  return out;
}

function checkNames(settings: SizeSettings, known: readonly string[], kernel: Kernel): void {
  for (const name of settings.keys()) {
    if (!known.includes(name)) {
      throw new Error(`--sizes: '${name}' is not a size of ${kernel.kind} kernel ${kernel.name}${didYouMean(name, known)} (sizes: ${known.join(', ')})`);
    }
  }
}

/** The value of one size: the kernel's static value (a different setting is an error) or the setting, or the default. */
function pick(kernel: Kernel, name: string, declared: Size, setting: number | undefined, fallback: number): number {
  if (declared === 'dynamic') return setting ?? fallback;
  if (setting !== undefined && setting !== declared) {
    throw new Error(`--sizes: ${name} of kernel ${kernel.name} is fixed at ${declared} by its declaration (it is not dynamic), not ${setting}`);
  }
  return declared;
}

/** Concrete attention sizes of a benchmark run; `shape` gives the dynamic sizes no setting names. */
export function benchAttentionSizes(kernel: AttentionKernel, settings: SizeSettings, shape: AttentionShape = ISSUE_ATTENTION_SHAPE): AttentionSizes {
  checkNames(settings, ATTENTION_SIZE_NAMES, kernel);
  const seq = settings.get('seq');
  if (seq !== undefined && (settings.has('q_len') || settings.has('kv_len'))) throw new Error('--sizes: seq sets q_len and kv_len; give either seq or q_len / kv_len');
  const heads = pick(kernel, 'heads', kernel.heads, settings.get('heads'), shape.heads);
  const kvHeads = pick(kernel, 'kv_heads', kernel.kvHeads, settings.get('kv_heads'), heads);
  const headDim = pick(kernel, 'head_dim', kernel.headDim, settings.get('head_dim'), shape.headDim);
  const valueDim = pick(kernel, 'value_dim', kernel.valueDim, settings.get('value_dim'), headDim);
  const kvLen = pick(kernel, 'kv_len', kernel.kvLen, settings.get('kv_len') ?? seq, Math.max(shape.seq, typeof kernel.qLen === 'number' ? kernel.qLen : 0));
  const qLen = pick(kernel, 'q_len', kernel.qLen, settings.get('q_len') ?? seq, kvLen);
  const batch = pick(kernel, 'batch', kernel.batch, settings.get('batch'), shape.batch);
  if (heads % kvHeads !== 0) throw new Error(`--sizes: heads (${heads}) must be a multiple of kv_heads (${kvHeads})`);
  if (qLen > kvLen) throw new Error(`--sizes: q_len (${qLen}) must not exceed kv_len (${kvLen})`);
  return { batch, heads, kvHeads, headDim, valueDim, qLen, kvLen };
}

/** Concrete gemm sizes of a benchmark run; `shape` gives the dynamic sizes no setting names. */
export function benchGemmSizes(kernel: GemmKernel, settings: SizeSettings, shape: GemmShape = ISSUE_GEMM_SHAPE): GemmSizes {
  checkNames(settings, GEMM_SIZE_NAMES, kernel);
  return {
    m: pick(kernel, 'm', kernel.m, settings.get('m'), shape.m),
    n: pick(kernel, 'n', kernel.n, settings.get('n'), shape.n),
    k: pick(kernel, 'k', kernel.k, settings.get('k'), shape.k),
  };
}

/** One line naming the sizes of a run, e.g. `b1 h8:8 q4096/4096 d64` or `m16 n4096 k4096`. */
export function sizesLabel(sizes: AttentionSizes | GemmSizes): string {
  if ('m' in sizes) return `m${sizes.m} n${sizes.n} k${sizes.k}`;
  const dims = sizes.valueDim === sizes.headDim ? `d${sizes.headDim}` : `d${sizes.headDim}/${sizes.valueDim}`;
  return `b${sizes.batch} h${sizes.heads}:${sizes.kvHeads} q${sizes.qLen}/${sizes.kvLen} ${dims}`;
}
