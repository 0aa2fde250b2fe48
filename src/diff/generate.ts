/**
 * @file Random attention kernels for differential testing, as plain data that prints to `.sparse` source:
 * patterns from the grammar (affine comparisons, windows, sinks, dilations, floor division and modulo with
 * negative operands, per-head tables, segment ids, lists, block layouts, bool masks, float arithmetic),
 * score modifiers, sizes (1, primes, below one tile, q_len < kv_len, GQA ratios), schedules and hostile values.
 */
import { Rng } from '../reference/random.js';

/** A pattern term: an atom's source text with the runtime inputs it reads, or a combination. */
export type Term =
  | { readonly kind: 'atom'; readonly text: string; readonly inputs: readonly string[] }
  | { readonly kind: 'and' | 'or'; readonly a: Term; readonly b: Term }
  | { readonly kind: 'not'; readonly a: Term };

/** Where hostile values go (each a count of elements set). */
export interface Hostile {
  readonly nanQ: number;
  readonly nanK: number;
  readonly nanV: number;
  readonly infV: number;
  /** Runtime lists emptied / bool and block inputs holding 2 or 255 for true. */
  readonly emptyLists: boolean;
  readonly wideBools: boolean;
  /** Density of random runtime inputs (0.01 gives rows with no allowed key). */
  readonly density: number;
}

/** One random case: everything needed to print, build and run it. */
export interface DiffCase {
  readonly name: string;
  readonly seed: number;
  readonly term: Term;
  /** Per-head table of the pattern (`tbl[h]`), when a term reads it. */
  readonly table: readonly number[] | null;
  readonly score: string | null;
  readonly batch: number;
  readonly heads: number;
  readonly kvHeads: number;
  readonly headDim: number;
  readonly qLen: number;
  readonly kvLen: number;
  readonly dtype: 'f32' | 'f16' | 'bf16';
  readonly lse: boolean;
  /** `schedule TARGET { ... }` bodies by target. */
  readonly schedules: Readonly<Record<string, string>>;
  readonly hostile: Hostile;
}

/** Declarations of the runtime inputs atoms may read. */
export const INPUT_DECLS: Readonly<Record<string, (c: { heads: number }) => string>> = {
  doc: () => 'doc: i32[kv_len]',
  sel: () => 'sel: list<i32>[batch, kv_heads]',
  blk: () => 'blk: blocks<8, 8>',
  msk: () => 'msk: bool[q_len, kv_len]',
};

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[rng.int(0, xs.length)]!;
const FLOATS = ['0.1', '0.25', '0.3', '0.5', '0.7', '1.5', '2.0'];

/** One random atom of the grammar. */
function atom(rng: Rng): Term {
  const n = (lo: number, hi: number): number => rng.int(lo, hi + 1);
  const a = (text: string, inputs: string[] = []): Term => ({ kind: 'atom', text, inputs });
  switch (rng.int(0, 15)) {
    case 0: return a('causal');
    case 1: return a(`q - k < ${n(1, 40)}`);
    case 2: return a(`k < ${n(0, 8)}`);
    case 3: { const d = n(2, 5); return a(`(q - k) % ${d} == ${n(0, d - 1)}`); }
    case 4: { const b = n(2, 20); return a(`q / ${b} == k / ${b}`); }
    case 5: return a(`(k - ${n(0, 30)}) / ${n(1, 7)} >= (q - ${n(0, 30)}) / ${n(1, 9)}`);
    case 6: return a(`(k - q) % ${n(2, 9)} < ${n(1, 5)}`);
    case 7: return a(`${n(-3, 3)} * q + ${n(-3, 3)} * k + ${n(-20, 20)} >= 0`);
    case 8: return a('q - k < tbl[h]');
    case 9: return a('doc[q] == doc[k]', ['doc']);
    case 10: return a('k in sel[b, kvh]', ['sel']);
    case 11: return a('blk[b, h, qb(8), kb(8)]', ['blk']);
    case 12: return a('msk[qi, k]', ['msk']);
    case 13: return a(`${pick(rng, FLOATS)} * q - ${pick(rng, FLOATS)} * k <= ${pick(rng, FLOATS)}`);
    default: return a(`1.0 * q / ${n(2, 7)} - 1.0 * k / ${n(2, 7)} <= ${n(1, 9)}.0 / ${n(2, 7)}`);
  }
}

/** A random combination of up to `depth` levels. */
function term(rng: Rng, depth: number): Term {
  if (depth === 0 || rng.bernoulli(0.35)) return atom(rng);
  const r = rng.next();
  if (r < 0.1) return { kind: 'not', a: term(rng, depth - 1) };
  return { kind: r < 0.6 ? 'and' : 'or', a: term(rng, depth - 1), b: term(rng, depth - 1) };
}

/** The source text of a term. */
export function termText(t: Term): string {
  switch (t.kind) {
    case 'atom': return t.text;
    case 'not': return `!(${termText(t.a)})`;
    default: return `(${termText(t.a)}) ${t.kind === 'and' ? '&&' : '||'} (${termText(t.b)})`;
  }
}

/** Every atom of a term. */
export function atoms(t: Term): Term[] {
  return t.kind === 'atom' ? [t] : t.kind === 'not' ? atoms(t.a) : [...atoms(t.a), ...atoms(t.b)];
}

const SCORES = ['30.0 * tanh(score / 30.0)', 'score - 0.1 * (q - k)', 'score * 2.0', 'min(score, 1.5)', 'score + 0.5 * tanh(score)'];
const LENGTHS = [1, 2, 3, 5, 7, 13, 16, 17, 31, 33, 64, 97];

function schedule(rng: Rng, withSplit: boolean): string {
  const parts = [`tile_q = ${pick(rng, [1, 2, 4, 7, 16, 32])}`, `tile_k = ${pick(rng, [1, 3, 8, 16, 64])}`];
  if (withSplit) parts.push(`split_kv = ${pick(rng, [1, 2, 3])}`);
  if (rng.bernoulli(0.5)) parts.push(`pack_gqa = ${rng.bernoulli(0.5)}`);
  return parts.join('; ');
}

/** The random case number `index` of a run seeded with `seed`. */
export function randomCase(seed: number, index: number): DiffCase {
  const rng = new Rng((seed * 1_000_003 + index * 7919) >>> 0);
  const heads = pick(rng, [1, 2, 3, 4]);
  const kvHeads = pick(rng, [1, 2, 3, 4].filter((d) => heads % d === 0));
  const kvLen = pick(rng, LENGTHS);
  const qLen = rng.bernoulli(0.5) ? kvLen : rng.bernoulli(0.4) ? 1 : rng.int(1, kvLen + 1);
  const hostile = rng.bernoulli(0.4);
  return {
    name: `diff_${seed}_${index}`,
    seed: (seed * 31 + index) >>> 0,
    term: term(rng, 3),
    table: Array.from({ length: heads }, () => rng.int(1, 40)),
    score: rng.bernoulli(0.3) ? pick(rng, SCORES) : null,
    batch: pick(rng, [1, 1, 2]),
    heads,
    kvHeads,
    headDim: pick(rng, [4, 8, 16, 32]),
    qLen,
    kvLen,
    dtype: rng.bernoulli(0.8) ? 'f32' : pick(rng, ['f16', 'bf16'] as const),
    lse: rng.bernoulli(0.6),
    schedules: rng.bernoulli(0.6) ? { interp: schedule(rng, true), wasm: schedule(rng, true) } : {},
    hostile: {
      nanQ: hostile && rng.bernoulli(0.4) ? rng.int(1, 3) : 0,
      nanK: hostile && rng.bernoulli(0.4) ? rng.int(1, 3) : 0,
      nanV: hostile && rng.bernoulli(0.4) ? rng.int(1, 3) : 0,
      infV: hostile && rng.bernoulli(0.3) ? 1 : 0,
      emptyLists: hostile && rng.bernoulli(0.5),
      wideBools: hostile && rng.bernoulli(0.5),
      density: rng.bernoulli(0.15) ? 0.01 : 0.3,
    },
  };
}

/** The `.sparse` source of a case: one pattern (with its table and inputs) and one kernel. */
export function caseSource(c: DiffCase): string {
  const used = [...new Set(atoms(c.term).flatMap((a) => (a.kind === 'atom' ? a.inputs : [])))].sort();
  const readsTable = atoms(c.term).some((a) => a.kind === 'atom' && a.text.includes('tbl[h]'));
  const params = [...(readsTable ? [`tbl: int[] = [${c.table!.join(', ')}]`] : []), ...used.map((n) => INPUT_DECLS[n]!(c))];
  const lines = [
    `// differential case ${c.name} (seed ${c.seed}); hostile: ${JSON.stringify(c.hostile)}`,
    `pattern gen(${params.join(', ')}) =`,
    `  ${termText(c.term)}`,
    `kernel ${c.name} = attention(gen) {`,
    `  batch = ${c.batch}; heads = ${c.heads}; kv_heads = ${c.kvHeads}; head_dim = ${c.headDim}`,
    `  q_len = ${c.qLen}; kv_len = ${c.kvLen}; dtype = ${c.dtype}`,
    ...(c.score ? [`  score = ${c.score}`] : []),
    ...(c.lse ? ['  outputs = out, lse'] : []),
    ...Object.entries(c.schedules).map(([t, s]) => `  schedule ${t} { ${s} }`),
    '}',
  ];
  return `${lines.join('\n')}\n`;
}
