/**
 * @file The code the documentation shows, run as a reader would: the README's `js` blocks as Node scripts against
 * the committed generated/ library (each must succeed and end by itself, worker threads or not); its `ts` and
 * examples/specs' builder blocks and the `sparse` blocks of the README and docs/language.md through `sparsec check`
 * (blocks that start with `// file: NAME` are written under that name, so their imports resolve).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticsJson, loadAndCheck } from '../../src/cli/frontend-run.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'sparsec.js');

interface Block {
  readonly doc: string;
  readonly line: number;
  readonly lang: string;
  readonly text: string;
}

/** The fenced code blocks of `doc` (indented ones inside list items too), dedented. */
function codeBlocks(doc: string): Block[] {
  const lines = readFileSync(join(ROOT, doc), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) body.push(lines[i]!.slice(indent));
    blocks.push({ doc, line: start + 1, lang: open[2]!, text: `${body.join('\n')}\n` });
  }
  return blocks;
}

function node(args: string[], cwd: string, timeout = 60_000) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', timeout });
  return { code: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}` };
}

const readme = codeBlocks('README.md');
const scripts = readme.filter((b) => b.lang === 'js');
const tsSpecs = [...readme, ...codeBlocks('examples/specs/README.md')].filter((b) => b.lang === 'ts' && b.text.includes("from 'sparsec'"));
const sparseBlocks = [...readme, ...codeBlocks('docs/language.md')].filter((b) => b.lang === 'sparse');

describe('code blocks of the documentation', () => {
  it('finds the blocks it runs', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    expect(tsSpecs.length).toBeGreaterThanOrEqual(2);
    expect(sparseBlocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(scripts.map((b) => [`${b.doc}:${b.line}`, b] as const))('%s runs as a script and ends by itself', (_, block) => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-doc-'));
    const lib = pathToFileURL(join(ROOT, 'generated', 'index.js')).href;
    writeFileSync(join(dir, 'block.mjs'), block.text.replaceAll("'./generated/index.js'", `'${lib}'`));
    const r = node(['block.mjs'], dir, 30_000);
    expect(r.signal, `${block.doc}:${block.line} did not end by itself`).toBeNull();
    expect(r.code, r.out).toBe(0);
  });

  it.each(tsSpecs.map((b) => [`${b.doc}:${b.line}`, b] as const))('%s is a .ts spec that checks clean', (_, block) => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-doc-'));
    writeFileSync(join(dir, 'block.spec.ts'), block.text);
    const r = node([BIN, 'check', 'block.spec.ts'], dir);
    expect(r.code, r.out).toBe(0);
  });

  it('the .sparse blocks check clean (each alone; those named by `// file:` together)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sparsec-doc-'));
    const named: string[] = [];
    const problems: string[] = [];
    for (const b of sparseBlocks) {
      const name = /^\/\/ file: (\S+\.sparse)/.exec(b.text)?.[1];
      writeFileSync(join(dir, name ?? 'block.sparse'), b.text);
      if (name) named.push(join(dir, name));
      else if (!(await loadAndCheck([join(dir, 'block.sparse')])).ok) problems.push(`${b.doc}:${b.line}`);
    }
    const together = await loadAndCheck(named);
    expect(problems).toEqual([]);
    expect(diagnosticsJson(together)).toEqual([]);
    expect(named.length).toBeGreaterThanOrEqual(2);
  });
});
