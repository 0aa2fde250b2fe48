/**
 * @file The checker never throws on user input: random programs (built from a small grammar, so
 * most of them parse) and random token soup are checked, and each must return diagnostics or kernels.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkText } from './helpers.js';

const names = ['q', 'k', 'b', 'h', 'qi', 'kvh', 'causal', 'score', 'kv_len', 'heads', 'w', 'doc', 'spans', 'cols', 'sel', 'p1', 'p2', 'zz', 'dynamic'];
const calls = ['min', 'max', 'abs', 'popcount', 'qb', 'kb', 'tanh', 'exp', 'p1', 'p2', 'nm', 'threshold', 'w'];
const binaryOps = ['+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '==', '!=', '<', '<=', '>', '>=', 'in', '&&', '||'];

const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...names),
    fc.integer({ min: -3, max: 70 }).map(String),
    fc.constantFrom('0.5', 'true', 'false', '[1, 2]'),
    fc.tuple(tie('e'), fc.constantFrom(...binaryOps), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('!', '-'), tie('e')).map(([op, a]) => `${op}${a}`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fc.tuple(fc.constantFrom(...calls), fc.array(tie('e'), { maxLength: 3 })).map(([f, as]) => `${f}(${as.join(', ')})`),
    fc.tuple(fc.constantFrom('w', 'window', 'block'), tie('e')).map(([n, v]) => `p1(${n} = ${v})`),
    fc.tuple(fc.constantFrom('doc', 'spans', 'cols', 'sel', 'q'), fc.array(tie('e'), { minLength: 1, maxLength: 4 })).map(([t, is]) => `${t}[${is.join(', ')}]`),
  ),
})).e;

const paramType = fc.constantFrom('int', 'float', 'bool', 'int[]', 'i32[kv_len]', 'bool[q_len, kv_len]', 'list<i32>[batch, heads]', 'blocks<64, 64>', 'f32[4]', 'i32[zz]');
const param = fc.tuple(fc.constantFrom('w', 'doc', 'spans', 'cols', 'sel', 'q'), paramType, fc.option(expr, { nil: undefined }))
  .map(([n, t, d]) => `${n}: ${t}${d === undefined ? '' : ` = ${d}`}`);
const pattern = fc.tuple(fc.constantFrom('p1', 'p2', 'p3'), fc.array(param, { maxLength: 3 }), expr)
  .map(([n, ps, body]) => `pattern ${n}(${ps.join(', ')}) = ${body}`);
const fieldName = fc.constantFrom('heads', 'kv_heads', 'head_dim', 'seq', 'q_len', 'kv_len', 'batch', 'value_dim', 'dtype', 'scale', 'score', 'outputs', 'm', 'n', 'k', 'weight', 'input', 'bias', 'epilogue', 'zz');
const field = fc.oneof(
  fc.tuple(fieldName, fc.array(expr, { minLength: 1, maxLength: 2 })).map(([n, vs]) => `${n} = ${vs.join(', ')}`),
  fc.constantFrom('heads = 4', 'head_dim = 8', 'seq = 16', 'seq = dynamic', 'q_len = 4', 'kv_len = 2', 'doc: i32[kv_len]', 'x: int', 'schedule cuda { t = 1 }', 'schedule zz { t = q + 1 }'),
);
const kernel = fc.tuple(fc.constantFrom('ka', 'kb'), fc.boolean(), expr, fc.array(field, { maxLength: 6 }))
  .map(([n, isGemm, pat, fs]) => (isGemm ? `kernel ${n} = gemm { ${fs.join('; ')} }` : `kernel ${n} = attention(${pat}) { ${fs.join('; ')} }`));
const program = fc.array(fc.oneof(pattern, kernel), { minLength: 1, maxLength: 5 }).map((ds) => ds.join('\n'));

describe('robustness', () => {
  it('random programs never make the checker throw, and every failure has a diagnostic', () => {
    fc.assert(
      fc.property(program, (text) => {
        const r = checkText(text);
        const declaredKernels = (text.match(/^kernel /gm) ?? []).length;
        if (r.kernels.length < declaredKernels) expect(r.parseDiagnostics.length + r.diagnostics.length).toBeGreaterThan(0);
        for (const k of r.kernels) expect(JSON.parse(JSON.stringify(k))).toEqual(k);
      }),
      { numRuns: 400, seed: 20240601 },
    );
  });

  it('random token soup never makes the checker throw', () => {
    const token = fc.constantFrom('pattern', 'kernel', '=', '(', ')', '{', '}', '[', ']', ',', ';', '\n', 'attention', 'gemm', 'causal', 'q', 'k', '&&', '<', '1', 'x', ':', 'int', 'i32', 'schedule');
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const r = checkText(tokens.join(' '));
        expect(Array.isArray(r.diagnostics)).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
