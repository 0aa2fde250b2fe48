/** @file Tests of the builder's expressions, parameter types and pattern refs. */
import { describe, it, expect } from 'vitest';
import {
  E, lit, floatLit, name, not, and, or, cond, min, max, abs, popcount, qb, kb, tanh, exp, log, sqrt,
  b, h, q, k, qi, kvh, causal, score, q_len, kv_len, batch, heads, kv_heads, head_dim,
} from '../../src/builder/expr.js';
import { int, float, bool, intTable, floatTable, boolTable, i32, f32, boolTensor, list, blocks, snakeCase } from '../../src/builder/types.js';
import { pattern } from '../../src/builder/pattern.js';
import { BuilderError } from '../../src/builder/errors.js';
import { A, bare } from './helpers.js';

const x = name('x');

describe('E operators', () => {
  const cases: [string, E, string][] = [
    ['add', x.add(1), '+'], ['sub', x.sub(1), '-'], ['mul', x.mul(1), '*'], ['div', x.div(1), '/'], ['mod', x.mod(1), '%'],
    ['band', x.band(1), '&'], ['bor', x.bor(1), '|'], ['bxor', x.bxor(1), '^'], ['shl', x.shl(1), '<<'], ['shr', x.shr(1), '>>'],
    ['eq', x.eq(1), '=='], ['ne', x.ne(1), '!='], ['lt', x.lt(1), '<'], ['le', x.le(1), '<='], ['gt', x.gt(1), '>'], ['ge', x.ge(1), '>='],
    ['in', x.in(1), 'in'], ['and', x.and(1), '&&'], ['or', x.or(1), '||'],
  ];
  it.each(cases)('%s builds the binary operator', (_m, e, op) => {
    expect(bare(e.expr)).toEqual(A.bin(op, A.name('x'), A.int(1)));
  });

  it('builds unary, conditional and variadic forms', () => {
    expect(bare(x.neg().expr)).toEqual(A.un('-', A.name('x')));
    expect(bare(x.not().expr)).toEqual(A.un('!', A.name('x')));
    expect(bare(not(true).expr)).toEqual(A.un('!', A.bool(true)));
    expect(bare(x.select(1, 2).expr)).toEqual({ kind: 'cond', cond: A.name('x'), then: A.int(1), else: A.int(2) });
    expect(bare(cond(x, q, k).expr)).toEqual({ kind: 'cond', cond: A.name('x'), then: A.name('q'), else: A.name('k') });
    // Left-associative like the parser: a && b && c is (a && b) && c.
    expect(bare(and(q, k, b).expr)).toEqual(A.bin('&&', A.bin('&&', A.name('q'), A.name('k')), A.name('b')));
    expect(bare(or(q, k).expr)).toEqual(A.bin('||', A.name('q'), A.name('k')));
  });

  it('converts numbers like the parser reads them', () => {
    expect(bare(lit(3).expr)).toEqual(A.int(3));
    expect(bare(lit(-3).expr)).toEqual(A.un('-', A.int(3)));
    expect(bare(lit(0.05).expr)).toEqual(A.float(0.05, '0.05'));
    expect(bare(floatLit(1).expr)).toEqual(A.float(1, '1.0'));
    expect(bare(lit(false).expr)).toEqual(A.bool(false));
    expect(() => lit(Number.NaN)).toThrow(BuilderError);
    expect(() => lit(2 ** 31)).toThrow(/too large/);
  });

  it('indexes names with at()', () => {
    expect(bare(x.at(b, h, q.div(64)).expr)).toEqual(A.index('x', [A.name('b'), A.name('h'), A.bin('/', A.name('q'), A.int(64))]));
    expect(() => q.add(1).at(0)).toThrow(/only a named/);
    expect(() => x.at()).toThrow(/at least one index/);
  });

  it('has the built-in names and functions', () => {
    const names = { b, h, q, k, qi, kvh, causal, score, q_len, kv_len, batch, heads, kv_heads, head_dim };
    for (const [id, e] of Object.entries(names)) expect(bare(e.expr)).toEqual(A.name(id));
    const fns: [string, E][] = [['abs', abs(x)], ['popcount', popcount(x)], ['qb', qb(x)], ['kb', kb(x)], ['tanh', tanh(x)], ['exp', exp(x)], ['log', log(x)], ['sqrt', sqrt(x)]];
    for (const [id, e] of fns) expect(bare(e.expr)).toEqual(A.call(id, [[null, A.name('x')]]));
    expect(bare(min(x, 2).expr)).toEqual(A.call('min', [[null, A.name('x')], [null, A.int(2)]]));
    expect(bare(max(x, 2).expr)).toEqual(A.call('max', [[null, A.name('x')], [null, A.int(2)]]));
  });

  it('rejects operands that are not expressions', () => {
    expect(() => x.add('window' as never)).toThrow(BuilderError);
    expect(() => x.add({} as never)).toThrow(/expected an expression/);
  });
});

describe('parameter types', () => {
  it('builds scalar, table and runtime types', () => {
    expect(bare(int(4).type)).toEqual({ kind: 'scalar', name: 'int' });
    expect(bare(int(4).default!)).toEqual(A.int(4));
    expect(int().default).toBeNull();
    expect(bare(float(1).default!)).toEqual(A.float(1, '1.0'));
    expect(bare(bool(true).default!)).toEqual(A.bool(true));
    expect(bare(intTable([1, 2]).default!)).toEqual({ kind: 'array', items: [A.int(1), A.int(2)] });
    expect(bare(floatTable([0.5]).type)).toEqual({ kind: 'table', elem: 'float' });
    expect(bare(boolTable([true]).default!)).toEqual({ kind: 'array', items: [A.bool(true)] });
    expect(bare(i32('kv_len').type)).toEqual({ kind: 'tensor', elem: 'i32', axes: [{ kind: 'name', name: 'kv_len' }] });
    expect(bare(f32(heads, 4, '*').type)).toEqual({ kind: 'tensor', elem: 'f32', axes: [{ kind: 'name', name: 'heads' }, { kind: 'int', value: 4 }, { kind: 'star' }] });
    expect(bare(boolTensor('qLen', 'kvLen').type)).toEqual({ kind: 'tensor', elem: 'bool', axes: [{ kind: 'name', name: 'q_len' }, { kind: 'name', name: 'kv_len' }] });
    expect(bare(list('batch', 'heads').type)).toEqual({ kind: 'list', elem: 'i32', axes: [{ kind: 'name', name: 'batch' }, { kind: 'name', name: 'heads' }] });
    expect(bare(blocks(64, 32).type)).toEqual({ kind: 'blocks', bq: 64, bk: 32 });
  });

  it('rejects bad defaults and shapes', () => {
    expect(() => int(1.5)).toThrow(/integer/);
    expect(() => bool(1 as never)).toThrow(/true or false/);
    expect(() => blocks(0, 64)).toThrow(/positive/);
    expect(() => i32()).toThrow(/at least one axis/);
    expect(() => f32(q.add(1))).toThrow(/axis/);
  });

  it('snake-cases camelCase names only', () => {
    expect(snakeCase('kvHeads')).toBe('kv_heads');
    expect(snakeCase('head_dim')).toBe('head_dim');
    expect(snakeCase('valueDim')).toBe('value_dim');
  });
});

describe('pattern', () => {
  const sliding = pattern('sliding', { window: int() }, ({ window }) => causal.and(q.sub(k).lt(window)));

  it('names itself when uncalled and composes when called', () => {
    expect(sliding.patternName).toBe('sliding');
    expect(bare(causal.and(sliding).expr)).toEqual(A.bin('&&', A.name('causal'), A.name('sliding')));
    expect(bare(sliding({ window: 256 }).expr)).toEqual(A.call('sliding', [['window', A.int(256)]]));
    expect(bare(sliding().expr)).toEqual(A.call('sliding', []));
  });

  it('passes table literals and skips undefined arguments', () => {
    const moa = pattern('moa', { spans: intTable([128, 256]) }, ({ spans }) => causal.and(q.sub(k).lt(spans.at(h))));
    expect(bare(moa({ spans: [1, 2] }).expr)).toEqual(A.call('moa', [['spans', { kind: 'array', items: [A.int(1), A.int(2)] }]]));
    expect(bare(moa({ spans: undefined }).expr)).toEqual(A.call('moa', []));
  });

  it('reports unknown arguments, bad names and untyped parameters at the call', () => {
    expect(() => sliding({ windw: 3 } as never)).toThrow("pattern 'sliding' has no parameter 'windw' (parameters: window)");
    expect(() => pattern('bad name', causal)).toThrow(/identifier/);
    expect(() => pattern('kernel', causal)).toThrow(/keyword/);
    expect(() => pattern('p', { w: 3 as never }, causal)).toThrow(/needs a type/);
    expect(() => sliding(5 as never)).toThrow(/named arguments/);
  });

  it('accepts a body expression without parameters', () => {
    const full = pattern('full_causal', causal);
    expect(bare(full(undefined).expr)).toEqual(A.call('full_causal', []));
    expect(() => full({ x: 1 } as never)).toThrow(/parameters: none/);
  });
});
