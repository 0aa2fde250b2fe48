/**
 * @file Reads the text form of print.ts back into interned nodes, so any dumped stage can be
 * edited, re-read and fed to a single pass (the golden tests do exactly that).
 */
import { parseType } from './dtype.js';
import { Node, type Arg } from './node.js';
import { Op, opByName } from './ops.js';

interface LoopFrame {
  readonly kind: 'loop';
  readonly name: string;
  readonly arg: Arg;
  readonly head: readonly Node[];
  range?: Node;
  readonly iters: Node[];
  nexts: Node[];
  effects: Node[];
}

interface IfFrame {
  readonly kind: 'if';
  readonly name: string;
  readonly cond: Node;
  readonly type: string;
  readonly yields: Node[];
}

interface KernelFrame {
  readonly kind: 'kernel';
  readonly name: string;
  effects: Node[];
}

type Frame = LoopFrame | IfFrame | KernelFrame;

/** Parses one kernel in the text form; throws an Error naming the line on malformed input. */
export function parseKernel(text: string): Node {
  const names = new Map<string, Node>();
  const stack: Frame[] = [];
  let result: Node | undefined;
  const lines = text.split('\n');

  const lookup = (name: string, lineNo: number): Node => {
    const n = names.get(name);
    if (!n) throw new Error(`line ${lineNo}: '${name}' is not defined`);
    return n;
  };
  const refs = (list: string, lineNo: number): Node[] =>
    list.trim() === '' ? [] : list.split(',').map((x) => lookup(x.trim(), lineNo));

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!.trim();
    if (raw === '' || raw.startsWith('//')) continue;
    const top = stack[stack.length - 1];
    const kernelHead = /^kernel\s+(".*")\s*\{$/.exec(raw);
    if (kernelHead) {
      stack.push({ kind: 'kernel', name: JSON.parse(kernelHead[1]!) as string, effects: [] });
      continue;
    }
    if (!top) throw new Error(`line ${lineNo}: expected 'kernel "name" {'`);
    const kw = /^(next|effects|yield)\s+(.*)$/.exec(raw);
    if (kw) {
      const ns = refs(kw[2]!, lineNo);
      if (kw[1] === 'yield' && top.kind === 'if') top.yields.push(...ns);
      else if (kw[1] === 'next' && top.kind === 'loop') top.nexts = ns;
      else if (kw[1] === 'effects' && top.kind !== 'if') top.effects = ns;
      else throw new Error(`line ${lineNo}: '${kw[1]}' is not allowed here`);
      continue;
    }
    if (raw === '} else {') {
      if (top.kind !== 'if' || top.yields.length !== 1) throw new Error(`line ${lineNo}: unexpected else`);
      continue;
    }
    if (raw === '}') {
      stack.pop();
      const made = closeFrame(top, lineNo);
      if (top.kind === 'kernel') result = made;
      else names.set(top.name, made);
      continue;
    }
    const def = /^(%\d+)\s*=\s*(\w+)(.*)$/.exec(raw);
    if (!def) throw new Error(`line ${lineNo}: cannot read '${raw}'`);
    const [, name, opName, rest0] = def as unknown as [string, string, string, string];
    const op = opByName(opName);
    if (!op || op === Op.KERNEL) throw new Error(`line ${lineNo}: unknown op '${opName}'`);
    let rest = rest0.trim();
    const opens = rest.endsWith('{');
    if (opens) rest = rest.slice(0, -1).trim();
    const colon = rest.lastIndexOf(' : ');
    const typeText = colon >= 0 ? rest.slice(colon + 3) : rest.startsWith(': ') ? rest.slice(2) : '';
    if (typeText === '') throw new Error(`line ${lineNo}: missing ': TYPE'`);
    const body = colon >= 0 ? rest.slice(0, colon) : '';
    const hash = body.indexOf('#');
    const operands = refs(hash >= 0 ? body.slice(0, hash) : body, lineNo);
    const arg = hash >= 0 ? parseArg(body.slice(hash + 1).trim(), lineNo) : null;
    const type = parseType(typeText);
    if (op === Op.LOOP) {
      if (!opens) throw new Error(`line ${lineNo}: loop needs a body`);
      stack.push({ kind: 'loop', name, arg, head: operands, iters: [], nexts: [], effects: [] });
      continue;
    }
    if (op === Op.IF) {
      if (!opens || operands.length !== 1) throw new Error(`line ${lineNo}: if needs one condition and a body`);
      stack.push({ kind: 'if', name, cond: operands[0]!, type: typeText, yields: [] });
      continue;
    }
    const node = Node.make(op, type, operands, arg);
    if (op === Op.RANGE || op === Op.ITER) {
      if (top.kind !== 'loop') throw new Error(`line ${lineNo}: ${op} outside a loop header`);
      if (op === Op.RANGE) top.range = node;
      else top.iters.push(node);
    }
    names.set(name, node);
  }
  if (stack.length > 0) throw new Error(`unexpected end of input: ${stack.length} unclosed block(s)`);
  if (!result) throw new Error('no kernel found');
  return result;
}

function closeFrame(f: Frame, lineNo: number): Node {
  if (f.kind === 'kernel') return Node.make(Op.KERNEL, parseType('void'), f.effects, f.name);
  if (f.kind === 'if') {
    if (f.yields.length !== 2) throw new Error(`line ${lineNo}: if needs a yield on both sides`);
    return Node.make(Op.IF, parseType(f.type), [f.cond, f.yields[0]!, f.yields[1]!]);
  }
  if (!f.range) throw new Error(`line ${lineNo}: loop without a range line`);
  const n = f.iters.length;
  if (f.head.length !== 2 + n || f.nexts.length !== n) throw new Error(`line ${lineNo}: loop with ${n} carried values needs ${n} inits and ${n} nexts`);
  const [lo, hi, ...inits] = f.head;
  return Node.make(Op.LOOP, parseType('void'), [lo!, hi!, f.range, ...f.iters, ...inits, ...f.nexts, ...f.effects], f.arg);
}

/** Parses an argument literal: numbers (inf, -inf, nan), strings, booleans, null, arrays, records. */
export function parseArg(text: string, lineNo = 0): Arg {
  let pos = 0;
  const fail = (): never => {
    throw new Error(`line ${lineNo}: bad argument '${text}'`);
  };
  const ws = (): void => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  };
  const value = (): number | string | boolean | null | number[] | Record<string, number | string | boolean> => {
    ws();
    const c = text[pos];
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(pos)) ?? fail();
      pos += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    if (c === '[') {
      pos++;
      const out: number[] = [];
      ws();
      if (text[pos] === ']') return pos++, out;
      for (;;) {
        const v = value();
        if (typeof v !== 'number') fail();
        out.push(v as number);
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return pos++, out;
        else fail();
      }
    }
    if (c === '{') {
      pos++;
      const out: Record<string, number | string | boolean> = {};
      ws();
      if (text[pos] === '}') return pos++, out;
      for (;;) {
        const k = value();
        ws();
        if (typeof k !== 'string' || text[pos] !== ':') fail();
        pos++;
        const v = value();
        if (v === null || typeof v === 'object') fail();
        out[k as string] = v as number | string | boolean;
        ws();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return pos++, out;
        else fail();
      }
    }
    const m = /^(-?inf|nan|true|false|null|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)/.exec(text.slice(pos)) ?? fail();
    pos += m[0].length;
    const t = m[0];
    if (t === 'inf') return Infinity;
    if (t === '-inf') return -Infinity;
    if (t === 'nan') return NaN;
    if (t === 'true' || t === 'false') return t === 'true';
    if (t === 'null') return null;
    return Number(t);
  };
  const v = value();
  ws();
  if (pos !== text.length) fail();
  return v as Arg;
}
