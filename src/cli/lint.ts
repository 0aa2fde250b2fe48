/**
 * @file Warnings about kernels that check clean but cannot be what was meant: a mask that is false at every size
 * tried (SPC300), a kernel whose every row is empty at its declared sizes (SPC301), a `q - k < window` whose window
 * is not smaller than the declared sequence, so it restricts nothing (SPC302). Only masks without runtime inputs are
 * judged (the others depend on data). Warnings never change the exit status unless `--deny-warnings` is given.
 */
import { staticAttentionSizes } from '../analysis/index.js';
import { buildPlan } from '../runtime/plan/planner.js';
import { CATALOGUE, type DiagnosticCode } from '../diagnostics/catalog.js';
import { formatMessage, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CExpr } from '../model/expr.js';
import type { AttentionKernel, AttentionSizes, Kernel } from '../model/kernel.js';

/** Sequence lengths tried for "always false". */
const PROBE_LENGTHS = [1, 100, 1000] as const;
const PROBE_TILE = 64;

const reads = (e: CExpr): boolean =>
  e.op === 'load' || e.op === 'member' || Object.values(e).some((c) => (c && typeof c === 'object' && 'op' in c && reads(c as CExpr)) || (Array.isArray(c) && c.some((x) => x && typeof x === 'object' && 'op' in x && reads(x as CExpr))));

/** Whether the mask allows no (b, h, q, k) at `sizes`. */
function emptyAt(k: AttentionKernel, sizes: AttentionSizes): boolean {
  return buildPlan(k.mask, k.inputs, sizes, {}, PROBE_TILE, PROBE_TILE).kTiles.length === 0;
}

/** Sizes of `k` at `qLen` queries over `kvLen` keys, whatever it declares; other dynamic sizes small. */
function probeSizes(k: AttentionKernel, qLen: number, kvLen: number): AttentionSizes {
  const pick = (s: number | 'dynamic', fallback: number): number => (s === 'dynamic' ? fallback : s);
  const heads = pick(k.heads, 2);
  return { batch: pick(k.batch, 1), heads, kvHeads: pick(k.kvHeads, heads), headDim: pick(k.headDim, 8), valueDim: pick(k.valueDim, pick(k.headDim, 8)), qLen, kvLen };
}

/** Windows `q - k < c` (or `<=`, or written the other way round) in the mask, as the smallest distance they exclude. */
function windows(e: CExpr, out: number[] = []): number[] {
  const isQk = (x: CExpr): boolean => x.op === 'binary' && x.fn === 'sub' && x.a.op === 'var' && x.a.name === 'q' && x.b.op === 'var' && x.b.name === 'k';
  if (e.op === 'binary') {
    const c = (x: CExpr): number | null => (x.op === 'const' && typeof x.value === 'number' ? x.value : null);
    if (isQk(e.a) && c(e.b) !== null && (e.fn === 'lt' || e.fn === 'le')) out.push(e.fn === 'lt' ? c(e.b)! : c(e.b)! + 1);
    if (isQk(e.b) && c(e.a) !== null && (e.fn === 'gt' || e.fn === 'ge')) out.push(e.fn === 'gt' ? c(e.a)! : c(e.a)! + 1);
    windows(e.a, out);
    windows(e.b, out);
  } else if (e.op === 'unary') windows(e.arg, out);
  else if (e.op === 'select') [e.cond, e.then, e.else].forEach((x) => windows(x, out));
  return out;
}

function warning(k: Kernel, code: DiagnosticCode, args: readonly (string | number)[], sources: ReadonlyMap<string, string>): Diagnostic {
  const { file, line } = k.origin;
  const text = sources.get(file);
  let offset = 0;
  if (text !== undefined) for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1;
  // The origin is the declaration's start; the caret goes under the kernel's name when it is on that line.
  const lineText = text?.slice(offset, text.indexOf('\n', offset) < 0 ? undefined : text.indexOf('\n', offset)) ?? '';
  const at = lineText.indexOf(k.name, k.origin.col - 1);
  const col = at >= 0 ? at + 1 : k.origin.col;
  const length = k.name.length;
  const span = { file, line, col, endLine: line, endCol: col + length, offset: offset + col - 1, length };
  return { code, severity: CATALOGUE[code].severity, message: formatMessage(CATALOGUE[code].message, args), span, file };
}

/** The warnings of `kernels` (sources give the caret its line). */
export function lintKernels(kernels: readonly Kernel[], sources: ReadonlyMap<string, string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const k of kernels) {
    if (k.kind !== 'attention' || reads(k.mask)) continue;
    const declared = staticAttentionSizes(k);
    const probes = PROBE_LENGTHS.flatMap((n) => [probeSizes(k, n, n), probeSizes(k, 1, n)]);
    if ([...probes, ...(declared ? [declared] : [])].every((s) => emptyAt(k, s))) {
      out.push(warning(k, 'SPC300', [k.name, PROBE_LENGTHS.join(', ')], sources));
      continue;
    }
    if (declared && emptyAt(k, declared)) {
      out.push(warning(k, 'SPC301', [k.name, declared.qLen, declared.kvLen], sources));
      continue;
    }
    if (k.kvLen !== 'dynamic') {
      const kvLen = k.kvLen;
      const wide = windows(k.mask).filter((w) => w >= kvLen);
      if (wide.length > 0) out.push(warning(k, 'SPC302', [k.name, Math.min(...wide), kvLen], sources));
    }
  }
  return out;
}
