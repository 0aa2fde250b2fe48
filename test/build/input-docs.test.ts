/** @file The generated `.d.ts` documents each runtime input: shape, element type, the array that carries it, and where the mask reads it. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLibraryFiles } from '../../src/build/index.js';
import { loadAndCheck } from '../../src/cli/frontend-run.js';

const SPEC = `
pattern doc_causal(doc: i32[kv_len]) = causal && doc[q] == doc[k]
pattern picked(sel: list<i32>[batch, heads]) = causal && (k in sel[b, h] || q - k < 4)
pattern blocky(lay: blocks<16, 32>) = lay[b, h, q / 16, k / 32]
kernel with_doc = attention(doc_causal) { heads = 2; head_dim = 8; seq = dynamic }
kernel with_list = attention(picked) { heads = 2; head_dim = 8; seq = 64 }
kernel with_blocks = attention(blocky) { heads = 2; head_dim = 8; seq = 64 }
`;

describe('runtime inputs in the generated .d.ts', () => {
  it('gives each input its shape, element type, array and meaning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sparsec-docs-'));
    await writeFile(join(dir, 'k.sparse'), SPEC);
    const { kernels, ok } = await loadAndCheck([dir]);
    expect(ok).toBe(true);
    const files = buildLibraryFiles(kernels, { cwd: dir });
    expect(files.get('with_doc.d.ts')).toContain('/** Tensor `doc`: i32 [kv_len], row-major, as an Int32Array; the mask reads it as `doc[q]`, `doc[k]`. */');
    expect(files.get('with_list.d.ts')).toContain('/** Ragged lists `sel`: one sorted list of distinct i32 per index [batch, heads], as { offsets: Int32Array (one more than the lists), values: Int32Array }; the mask reads it as `k in sel[b, h]`. */');
    expect(files.get('with_blocks.d.ts')).toMatch(/Block layout `lay`: Uint8Array \[batch, heads, ceil\(kv_len \/ 16\), ceil\(kv_len \/ 32\)\] of 0 or 1, .*; the mask reads it as `lay\[b, h, q \/ 16, k \/ 32\]`/);
  });
});
