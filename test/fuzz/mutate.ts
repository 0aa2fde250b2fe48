/**
 * @file Seeded text mutations for fuzzing the front end: token and line edits of real specs, extreme numbers,
 * fragments of real syntax spliced in, truncation. Deterministic for a given Rng.
 */
import { Rng } from '../../src/reference/random.js';

/** Fragments of real syntax spliced into mutants. */
export const FRAGMENTS = [
  'pattern', 'kernel', 'import', 'attention', 'gemm', 'schedule wasm {', 'schedule interp { tile_q = 0 }', 'in', 'true', 'false',
  'q', 'k', 'h', 'b', 'qi', 'kvh', 'causal', 'score', 'int', 'i32', 'f32', 'bool', 'list<i32>', 'blocks<8, 8>', 'dynamic', 'seq = ',
  'heads = ', 'kv_heads = 3', 'head_dim = 0', 'q_len = 2147483647', 'dtype = f16', 'outputs = out, lse', 'weight = nm(3, 2)',
  'input = threshold(-1)', 'tanh(', 'min(', 'popcount(', 'qb(0)', 'kb(7)', '[1, 2][h]', '(', ')', '[', ']', '{', '}', '<', '>', '<=',
  '=', '==', '!', '-', '+', '*', '/', '%', '&&', '||', '&', '|', '^', '<<', '>>', ',', ';', '\n', ' ', '"', '//', '/*', '1e308',
];

/** Numbers that stress constant folding, bounds and 32-bit arithmetic. */
export const EXTREME_NUMBERS = ['0', '-1', '1', '2147483647', '2147483648', '-2147483649', '4294967296', '1e308', '0.0', '1e-320', '99999999999999999999', '3.5', '-0.0'];

const TOKEN = /[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d*)?(?:e-?\d+)?|\S/g;

/** One random mutation of `text`. */
export function mutate(text: string, rng: Rng): string {
  const tokens = text.match(TOKEN) ?? [];
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(0, xs.length)]!;
  const lines = text.split('\n');
  switch (rng.int(0, 9)) {
    case 0: { // delete a line
      lines.splice(rng.int(0, lines.length), 1);
      return lines.join('\n');
    }
    case 1: { // duplicate a line
      const i = rng.int(0, lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 2: { // a number becomes an extreme one
      const nums = [...text.matchAll(/\d+(\.\d+)?/g)];
      if (nums.length === 0) return text + pick(EXTREME_NUMBERS);
      const m = pick(nums);
      return text.slice(0, m.index) + pick(EXTREME_NUMBERS) + text.slice(m.index! + m[0].length);
    }
    case 3: { // splice in a fragment
      const at = rng.int(0, text.length + 1);
      return text.slice(0, at) + pick(FRAGMENTS) + text.slice(at);
    }
    case 4: { // delete a span
      const at = rng.int(0, text.length);
      return text.slice(0, at) + text.slice(at + rng.int(1, 12));
    }
    case 5: { // truncate
      return text.slice(0, rng.int(0, text.length));
    }
    case 6: { // an identifier becomes another one of the file
      const ids = [...new Set(tokens.filter((t) => /^[A-Za-z_]/.test(t)))];
      if (ids.length < 2) return text;
      const from = pick(ids);
      return text.replace(new RegExp(`\\b${from}\\b`), pick(ids));
    }
    case 7: { // swap two lines
      const [i, j] = [rng.int(0, lines.length), rng.int(0, lines.length)];
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    }
    default: { // an operator becomes another
      const ops = [...text.matchAll(/&&|\|\||<=|>=|==|[<>+\-*/%]/g)];
      if (ops.length === 0) return text;
      const m = pick(ops);
      return text.slice(0, m.index) + pick(['&&', '||', '<=', '>=', '==', '<', '>', '+', '-', '*', '/', '%', '<<', '>>', '^']) + text.slice(m.index! + m[0].length);
    }
  }
}

/** `times` stacked mutations. */
export function mutateMany(text: string, rng: Rng, times: number): string {
  let t = text;
  for (let i = 0; i < times; i++) t = mutate(t, rng);
  return t;
}
