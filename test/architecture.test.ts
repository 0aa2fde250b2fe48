/**
 * @file Layering rules of the code base, checked on the sources: the runtime that ships with generated
 * kernels imports none of the compiler; the IR knows no target; printers never see the syntax.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const src = resolve(__dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Value (non-type) imports of a file, resolved to paths relative to src/ or kept as package names. */
function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[2]) continue; // `import type` / `export type`
    const spec = m[3]!;
    out.push(spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)) : spec);
  }
  const dyn = /import\(\s*'([^']+)'\s*\)/g;
  for (let m = dyn.exec(text); m; m = dyn.exec(text)) out.push(m[1]!.startsWith('.') ? relative(src, resolve(dirname(file), m[1]!)) : m[1]!);
  return out;
}

function violations(folder: string, allowed: (imp: string) => boolean): string[] {
  return files(join(src, folder)).flatMap((f) => valueImports(f).filter((i) => !allowed(i)).map((i) => `${relative(src, f)} imports ${i}`));
}

describe('layering', () => {
  it('the runtime imports only itself, the model (plain data and its evaluator, which import nothing else), node built-ins and the WebGPU binding (Dawn)', () => {
    expect(violations('runtime', (i) => i.startsWith('runtime/') || i.startsWith('model/') || i.startsWith('node:') || i === 'webgpu')).toEqual([]);
  });

  it('the IR imports no target, pass, analysis or front end', () => {
    expect(violations('ir', (i) => i.startsWith('ir/') || i.startsWith('model/') || i.startsWith('node:'))).toEqual([]);
  });

  it('no pass imports a target or the reference (constant folding uses the IR/model evaluator)', () => {
    expect(violations('passes', (i) => !i.startsWith('targets/') && !i.startsWith('reference/'))).toEqual([]);
  });

  it('the model is plain data and its evaluator', () => {
    expect(violations('model', (i) => i.startsWith('model/'))).toEqual([]);
  });

  it('targets, passes and analysis never see the syntax', () => {
    for (const folder of ['targets', 'passes', 'analysis', 'reference', 'harness']) {
      expect(violations(folder, (i) => !i.startsWith('frontend/') && !i.startsWith('checker/') && !i.startsWith('cli/') && i !== 'chevrotain')).toEqual([]);
    }
  });
});
