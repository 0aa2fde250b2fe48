/**
 * @file Prints an AST back to canonical `.sparse` source with minimal parentheses; parsing the
 * output gives back the same AST up to spans (tested by property tests).
 */
import type { Axis, Decl, Expr, ImportDecl, KernelDecl, KernelField, Module, Param, PatternDecl, TypeExpr } from './ast.js';
import { ATOM_PRECEDENCE, BINARY_PRECEDENCE, COMPARE_PRECEDENCE, NEGATE_PRECEDENCE, TERNARY_PRECEDENCE, UNARY_PRECEDENCE } from './precedence.js';

/** A float literal the lexer accepts as written. */
const FLOAT_TEXT = /^(?:(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+)$/;

/** The whole module: imports first, then declarations, separated by blank lines. */
export function printModule(m: Module): string {
  const parts: string[] = [];
  if (m.imports.length) parts.push(m.imports.map(printImport).join('\n'));
  for (const d of m.decls) parts.push(printDecl(d));
  return parts.length ? `${parts.join('\n\n')}\n` : '';
}

/** `import "path"` */
export function printImport(d: ImportDecl): string {
  return `import "${d.path}"`;
}

/** One pattern or kernel declaration. */
export function printDecl(d: Decl): string {
  return d.kind === 'pattern' ? printPattern(d) : printKernel(d);
}

function printPattern(d: PatternDecl): string {
  const params = d.params === null ? '' : `(${d.params.map(printParam).join(', ')})`;
  return `pattern ${d.name}${params} = ${printExpr(d.body)}`;
}

function printParam(p: Param): string {
  const def = p.default ? ` = ${printExpr(p.default)}` : '';
  return `${p.name}: ${printType(p.type)}${def}`;
}

function printKernel(d: KernelDecl): string {
  const head = d.op === 'gemm' ? 'gemm' : `${d.op}(${d.pattern ? printExpr(d.pattern) : ''})`;
  const fields = d.fields.map((f) => `  ${printField(f)}\n`).join('');
  return `kernel ${d.name} = ${head} {\n${fields}}`;
}

/** Field printers by kind. */
const FIELD_PRINTERS: { readonly [K in KernelField['kind']]: (f: Extract<KernelField, { kind: K }>) => string } = {
  assign: (f) => `${f.name} = ${f.values.map((v) => printExpr(v)).join(', ')}`,
  input: (f) => `${f.name}: ${printType(f.type)}`,
  schedule: (f) => {
    const items = f.items.map((i) => `${i.name} = ${printExpr(i.value)}`).join('; ');
    return items ? `schedule ${f.target} { ${items} }` : `schedule ${f.target} { }`;
  },
};

function printField(f: KernelField): string {
  return (FIELD_PRINTERS[f.kind] as (f: KernelField) => string)(f);
}

/** `int`, `int[]`, `i32[kv_len]`, `list<i32>[batch, heads]`, `blocks<64, 64>` */
export function printType(t: TypeExpr): string {
  switch (t.kind) {
    case 'scalar':
      return t.name;
    case 'table':
      return `${t.elem}[]`;
    case 'tensor':
      return `${t.elem}[${t.axes.map(printAxis).join(', ')}]`;
    case 'list':
      return `list<${t.elem}>[${t.axes.map(printAxis).join(', ')}]`;
    case 'blocks':
      return `blocks<${t.bq}, ${t.bk}>`;
  }
}

function printAxis(a: Axis): string {
  return a.kind === 'star' ? '*' : a.kind === 'int' ? String(a.value) : a.name;
}

/** How tightly `e` binds as printed (negative literals print with a prefix `-`). */
function precedenceOf(e: Expr): number {
  switch (e.kind) {
    case 'cond':
      return TERNARY_PRECEDENCE;
    case 'binary':
      return BINARY_PRECEDENCE[e.op];
    case 'unary':
      return UNARY_PRECEDENCE[e.op];
    case 'int':
    case 'float':
      return e.value < 0 || Object.is(e.value, -0) ? NEGATE_PRECEDENCE : ATOM_PRECEDENCE;
    default:
      return ATOM_PRECEDENCE;
  }
}

/** `e` as source text, parenthesised when it binds more loosely than `minPrecedence`. */
export function printExpr(e: Expr, minPrecedence = TERNARY_PRECEDENCE): string {
  const text = printBare(e);
  return precedenceOf(e) < minPrecedence ? `(${text})` : text;
}

function printBare(e: Expr): string {
  switch (e.kind) {
    case 'int':
      return String(e.value);
    case 'float':
      return printFloat(e.value, e.text);
    case 'bool':
      return e.value ? 'true' : 'false';
    case 'name':
      return e.name;
    case 'array':
      return `[${e.items.map((i) => printExpr(i)).join(', ')}]`;
    case 'unary':
      return `${e.op}${printExpr(e.operand, e.op === '-' ? NEGATE_PRECEDENCE : COMPARE_PRECEDENCE)}`;
    case 'binary': {
      const prec = BINARY_PRECEDENCE[e.op];
      // Comparisons do not chain, so both sides need to bind tighter; other levels are left-associative.
      const leftMin = prec === COMPARE_PRECEDENCE ? prec + 1 : prec;
      return `${printExpr(e.left, leftMin)} ${e.op} ${printExpr(e.right, prec + 1)}`;
    }
    case 'cond':
      return `${printExpr(e.cond, TERNARY_PRECEDENCE + 1)} ? ${printExpr(e.then)} : ${printExpr(e.else)}`;
    case 'call':
      return `${e.callee}(${e.args.map((a) => (a.name === null ? printExpr(a.value) : `${a.name} = ${printExpr(a.value)}`)).join(', ')})`;
    case 'index':
      return `${e.target}[${e.indices.map((i) => printExpr(i)).join(', ')}]`;
  }
}

/** The written text when it is a valid float literal, else a form that re-parses as a float. */
function printFloat(value: number, text: string): string {
  if (FLOAT_TEXT.test(text) && Number(text) === value) return text;
  if (Number.isNaN(value)) return '(0.0 / 0.0)';
  if (!Number.isFinite(value)) return value > 0 ? '(1.0 / 0.0)' : '(-1.0 / 0.0)';
  const magnitude = Math.abs(value);
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  const plain = String(magnitude);
  const body = /[.eE]/.test(plain) ? plain.replace('e+', 'e') : `${plain}.0`;
  return `${sign}${body}`;
}
