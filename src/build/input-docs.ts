/**
 * @file The doc comment of each runtime input in the generated `.d.ts`: its shape, its element type and the
 * JavaScript array that carries it, and its meaning, shown as the places where the mask or the score modifier reads it.
 */
import { BLOCK_TABLE, pageSizeOf } from '../model/paged.js';
import type { CExpr } from '../model/expr.js';
import type { AttentionKernel, InputAxis, RuntimeInput } from '../model/kernel.js';

const VAR_TEXT: Readonly<Record<string, string>> = { b: 'b', h: 'h', q: 'q', k: 'k', score: 'score' };
const BINARY_TEXT: Readonly<Partial<Record<string, string>>> = { add: '+', sub: '-', mul: '*', div: '/', mod: '%', shr: '>>', shl: '<<' };

/** A short text of an index expression (`q`, `k / 64`, `h`); deeper expressions become `...`. */
function indexText(e: CExpr, depth = 0): string {
  if (depth > 3) return '...';
  switch (e.op) {
    case 'var': return VAR_TEXT[e.name] ?? e.name;
    case 'size': return e.name;
    case 'const': return String(e.value);
    case 'binary': {
      const op = BINARY_TEXT[e.fn];
      const side = (x: CExpr): string => (x.op === 'binary' ? `(${indexText(x, depth + 1)})` : indexText(x, depth + 1));
      return op ? `${side(e.a)} ${op} ${side(e.b)}` : `${e.fn}(${indexText(e.a, depth + 1)}, ${indexText(e.b, depth + 1)})`;
    }
    default: return '...';
  }
}

/** Every read of input `name` in `e`, as text (`doc[q]`, `k in cols[b, h]`). */
function readsOf(e: CExpr | null, name: string, out: Set<string>): Set<string> {
  if (!e) return out;
  if ((e.op === 'load' || e.op === 'member') && e.input === name) {
    const at = `${name}[${e.indices.map((i) => indexText(i)).join(', ')}]`;
    out.add(e.op === 'member' ? `${indexText(e.value)} in ${at}` : at);
  }
  for (const child of Object.values(e)) {
    if (child && typeof child === 'object' && 'op' in child) readsOf(child as CExpr, name, out);
    if (Array.isArray(child)) for (const c of child) if (c && typeof c === 'object' && 'op' in c) readsOf(c as CExpr, name, out);
  }
  return out;
}

const axisText = (a: InputAxis): string => (a.kind === 'size' ? a.name : a.kind === 'const' ? String(a.value) : '*');
const ARRAY_OF = { i32: 'an Int32Array', f32: 'a Float32Array', bool: 'a Uint8Array (0 or 1)' } as const;

/** The meaning of `input` in kernel `k`: where the mask and the score modifier read it. */
function meaning(k: AttentionKernel, input: RuntimeInput): string {
  const inMask = [...readsOf(k.mask, input.name, new Set())];
  const inScore = [...readsOf(k.score, input.name, new Set())];
  const parts = [
    ...(inMask.length ? [`the mask reads it as ${inMask.slice(0, 4).map((t) => `\`${t}\``).join(', ')}`] : []),
    ...(inScore.length ? [`the score modifier reads it as ${inScore.slice(0, 4).map((t) => `\`${t}\``).join(', ')}`] : []),
  ];
  return parts.length ? `${parts.join('; ')}.` : 'not read by this kernel.';
}

/** The doc comment of runtime input `input` of attention kernel `k`. */
export function runtimeInputDoc(k: AttentionKernel, input: RuntimeInput): string {
  if (input.kind === 'blocks') {
    return `Block layout \`${input.name}\`: Uint8Array [batch, heads, ceil(kv_len / ${input.bq}), ceil(kv_len / ${input.bk})] of 0 or 1, row-major, indexed by absolute positions (1: queries q / ${input.bq} may see keys k / ${input.bk}); ${meaning(k, input)}`;
  }
  const shape = `[${input.axes.map(axisText).join(', ')}]`;
  const page = pageSizeOf(k);
  if (page !== null && input.name === BLOCK_TABLE) {
    return `Block table \`${BLOCK_TABLE}\`: i32 [batch, max_pages] as Int32Array: key position j of sequence b is row j % ${page} of page ${BLOCK_TABLE}[b, j / ${page}] of the K / V pools; the first ceil(kv_len / ${page}) entries of each row must lie in [0, num_pages).`;
  }
  if (input.kind === 'list') {
    return `Ragged lists \`${input.name}\`: one sorted list of distinct i32 per index ${shape}, as { offsets: Int32Array (one more than the lists), values: Int32Array }; ${meaning(k, input)}`;
  }
  return `Tensor \`${input.name}\`: ${input.elem} ${shape}, row-major, as ${ARRAY_OF[input.elem]}; ${meaning(k, input)}`;
}
