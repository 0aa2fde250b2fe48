/**
 * @file Typed wrappers of generated kernels, written with ts-morph as TypeScript: per kernel an inputs
 * and an outputs interface and a handle bound to the manifest next to it; plus `index`. The build writes
 * each as `.js` (transpiled) with its `.d.ts`, which serve TypeScript and plain Node alike.
 */
import { Project, StructureKind, ts, VariableDeclarationKind, type InterfaceDeclarationStructure, type SourceFile } from 'ts-morph';
import type { AttentionKernel, Kernel, RuntimeInput, Size } from '../model/kernel.js';
import { ruleText, type SelectKernel } from '../model/select.js';
import { pageSizeOf } from '../model/paged.js';
import { runtimeInputDoc } from './input-docs.js';

/** The three files of one TypeScript module. */
export interface ModuleTexts {
  readonly ts: string;
  readonly js: string;
  readonly dts: string;
}

const pascal = (name: string): string => name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
const sizeText = (s: Size): string => (s === 'dynamic' ? 'dynamic' : String(s));

/** One property of a generated interface. */
const prop = (name: string, type: string, doc: string, optional = false) => ({ name, type, isReadonly: true, hasQuestionToken: optional, docs: [doc] });

function inputType(i: RuntimeInput): string {
  if (i.kind === 'list') return 'RaggedList';
  if (i.kind === 'blocks' || i.elem === 'bool') return 'Uint8Array';
  return i.elem === 'f32' ? 'Float32Array' : 'Int32Array';
}

/** A selector's inputs (Q, K) and its output, the layout its block-sparse attention kernel takes as `sel`. */
function selectInterfaces(k: SelectKernel, T: string, dims: string): InterfaceDeclarationStructure[] {
  const layout = `blocks<${k.bq}, ${k.bk}>`;
  const vs = k.vslash;
  const rule = vs ? `last ${vs.lastQueries} queries; vertical_slash(${vs.kv}, ${vs.ks})` : ruleText(k.rule);
  const lists = (n: number, what: string, name: string) => prop(name, 'RaggedList', `${what} per (b, h): list<i32>[batch, heads], min(${n}, kv_len) per list, sorted ascending: pass it as the \`${name}\` input of a vertical_slash pattern.`);
  const outputs = vs
    ? [lists(vs.kv, 'The kept key columns', 'cols'), lists(vs.ks, 'The kept diagonal offsets q - k', 'diags')]
    : [prop('sel', 'Uint8Array', `The ${layout} layout [batch, heads, ceil(kv_len / ${k.bq}), ceil(kv_len / ${k.bk})], 1 where a block is kept: pass it as the \`${layout}\` input of a block-sparse attention kernel.`)];
  return [
    { kind: StructureKind.Interface, name: `${T}Inputs`, isExported: true, extends: ['SelectRunInputs'], docs: [`Inputs of selector kernel \`${k.name}\` (${dims}; ${rule}).`], properties: [
      prop('q', 'Float32Array', 'Q [batch, heads, q_len, head_dim].'),
      prop('k', 'Float32Array', 'K [batch, kv_heads, kv_len, head_dim].'),
      prop('sizes', 'GivenSizes', 'Dynamic sizes that cannot be inferred from the arrays.', true),
    ] },
    { kind: StructureKind.Interface, name: `${T}Outputs`, isExported: true, docs: [`Outputs of \`${k.name}\`.`], properties: outputs },
  ];
}

function interfaces(k: Kernel): InterfaceDeclarationStructure[] {
  const T = pascal(k.name);
  if (k.kind === 'gemm') {
    return [
      { kind: StructureKind.Interface, name: `${T}Inputs`, isExported: true, extends: ['GemmRunInputs'], docs: [`Inputs of gemm kernel \`${k.name}\` (m = ${sizeText(k.m)}, n = ${k.n}, k = ${k.k}, ${k.dtype} storage).`], properties: [
        prop('x', 'Float32Array', 'X [m, k].'),
        prop('w', 'Float32Array | PackedWeight', `W [n, k] dense, or packed as ${k.weight.format} with \`pack\`.`),
        ...(k.bias ? [prop('bias', 'Float32Array', 'bias [n].')] : []),
      ] },
      { kind: StructureKind.Interface, name: `${T}Outputs`, isExported: true, docs: [`Outputs of \`${k.name}\`.`], properties: [prop('y', 'Float32Array', 'Y [m, n].')] },
    ];
  }
  const dims = `batch = ${sizeText(k.batch)}, heads = ${sizeText(k.heads)}, kv_heads = ${sizeText(k.kvHeads)}, q_len = ${sizeText(k.qLen)}, kv_len = ${sizeText(k.kvLen)}, head_dim = ${sizeText(k.headDim)}`;
  if (k.kind === 'select') return selectInterfaces(k, T, dims);
  return [
    { kind: StructureKind.Interface, name: `${T}Inputs`, isExported: true, extends: ['AttentionRunInputs'], docs: [`Inputs of attention kernel \`${k.name}\` (${dims}; ${k.dtype} storage).`], properties: [
      prop('q', 'Float32Array', 'Q [batch, heads, q_len, head_dim].'),
      ...kvProps(k),
      ...k.inputs.map((i) => prop(i.name, inputType(i), runtimeInputDoc(k, i))),
      prop('sizes', 'GivenSizes', 'Dynamic sizes that cannot be inferred from the arrays.', true),
      prop('plan', 'BlockPlan', 'A plan from `plan(...)`, reused across runs with the same runtime inputs.', true),
    ] },
    { kind: StructureKind.Interface, name: `${T}Outputs`, isExported: true, docs: [`Outputs of \`${k.name}\`.`], properties: [
      prop('out', 'Float32Array', 'O [batch, heads, q_len, value_dim].'),
      ...(k.outputs.includes('lse') ? [prop('lse', 'Float32Array', 'log-sum-exp [batch, heads, q_len].')] : []),
      ...(k.sideOutputs ?? []).map((s) => prop(s.kind, 'Float32Array', s.kind === 'segment_mass'
        ? `attention mass per segment of \`${s.segments}\` [batch, heads, q_len, ${s.count}].`
        : `max of P per block [batch, heads, ceil(q_len / ${s.bq}), ceil(kv_len / ${s.bk})].`)),
    ] },
  ];
}

/** K and V: contiguous, or a paged kernel's page pools (model/paged.ts). */
function kvProps(k: AttentionKernel): ReturnType<typeof prop>[] {
  const page = pageSizeOf(k);
  if (page === null) return [prop('k', 'Float32Array', 'K [batch, kv_heads, kv_len, head_dim].'), prop('v', 'Float32Array', 'V [batch, kv_heads, kv_len, value_dim].')];
  return [
    prop('k', 'Float32Array', `K page pool [num_pages, ${page}, kv_heads, head_dim], read through \`block_table\`.`),
    prop('v', 'Float32Array', `V page pool [num_pages, ${page}, kv_heads, value_dim], read through \`block_table\`.`),
  ];
}

/** Per kernel kind: the runtime function that defines its handle, the loaded type, and the types the wrapper imports. */
const KIND_RUNTIME = {
  attention: { define: 'defineAttention', loaded: 'LoadedAttention', types: ['AttentionRunInputs', 'GivenSizes', 'BlockPlan', 'KernelHandle', 'LoadedAttention', 'RaggedList'] },
  gemm: { define: 'defineGemm', loaded: 'LoadedGemm', types: ['GemmRunInputs', 'PackedWeight', 'KernelHandle', 'LoadedGemm'] },
  select: { define: 'defineSelect', loaded: 'LoadedSelect', types: ['SelectRunInputs', 'GivenSizes', 'KernelHandle', 'LoadedSelect'] },
} as const satisfies Record<Kernel['kind'], { define: string; loaded: string; types: readonly string[] }>;

function fill(file: SourceFile, k: Kernel, source: string, targets: readonly string[], declare: boolean, runtime: string): void {
  const T = pascal(k.name);
  const kind = KIND_RUNTIME[k.kind];
  file.addStatements(`/** @file Generated by \`sparsec build\` from ${source}: kernel ${k.name}. Do not edit. */`);
  const values = declare ? [] : [kind.define];
  const types = [...kind.types, ...(k.kind === 'select' && k.vslash ? ['RaggedList'] : [])];
  file.addImportDeclaration({ moduleSpecifier: runtime, namedImports: [...values, ...types.map((t) => `type ${t}`)] });
  file.addInterfaces(interfaces(k));
  const built = targets.map((t) => `'${t}'`).join(' | ');
  const type = `KernelHandle<${kind.loaded}<${T}Inputs, ${T}Outputs>, ${built}>`;
  const init = `${kind.define}<${T}Inputs, ${T}Outputs, ${built}>('${k.name}', new URL('./${k.name}.manifest.json', import.meta.url))`;
  file.addVariableStatement({
    isExported: true, hasDeclareKeyword: declare, declarationKind: VariableDeclarationKind.Const,
    docs: [`Kernel \`${k.name}\`: \`await ${k.name}.load('${targets[0]}')\`, then \`run(inputs)\`; runs of one loaded kernel are queued (one at a time, in call order).${targets.length > 1 ? ` Built for ${targets.join(', ')}.` : ''}`],
    declarations: [{ name: k.name, type, ...(declare ? {} : { initializer: init }) }],
  });
}

function transpile(text: string): string {
  return ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, removeComments: false } }).outputText;
}

/** The wrapper module of kernel `k` (spec file `source`, relative) built for `targets`, importing the runtime from `runtime`. */
export function kernelWrapper(k: Kernel, source: string, targets: readonly string[], runtime = 'sparsec/runtime'): ModuleTexts {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile(`${k.name}.ts`, '');
  fill(file, k, source, targets, false, runtime);
  const decl = project.createSourceFile(`${k.name}.d.ts`, '');
  fill(decl, k, source, targets, true, runtime);
  const text = file.getFullText();
  return { ts: text, js: transpile(text), dts: decl.getFullText() };
}

/** `index.ts` re-exporting every kernel and its types. */
export function indexModule(kernels: readonly Kernel[]): ModuleTexts {
  const sorted = [...kernels].sort((a, b) => a.name.localeCompare(b.name));
  const head = '/** @file Generated by `sparsec build`: every kernel of this library. Do not edit. */\n';
  const typed = sorted.map((k) => `export { ${k.name}, type ${pascal(k.name)}Inputs, type ${pascal(k.name)}Outputs } from './${k.name}.js';`).join('\n');
  const plain = sorted.map((k) => `export { ${k.name} } from './${k.name}.js';`).join('\n');
  return { ts: `${head}${typed}\n`, js: `${head}${plain}\n`, dts: `${head}${typed}\n` };
}
