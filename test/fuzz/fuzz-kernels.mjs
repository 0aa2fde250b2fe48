// @file The runtime fuzz tests' shared kernels and call loop (plain JS, so that the sanitizer child process can
// import it without a TypeScript loader): the fuzz spec, a valid call of each kernel, and the loop that makes
// hostile calls and tallies what was rejected with a clear error (output untouched), what ran, and problems.

/** Five kernels that reach every checked input kind: document ids with a plan, ragged lists, blocks + a bool mask, nm and csr gemm. */
export const FUZZ_SPEC = `
pattern docs(doc: i32[kv_len]) = causal && doc[q] == doc[k]
kernel fz_doc = attention(docs) { heads = 2; kv_heads = 1; head_dim = 8; seq = dynamic; outputs = out, lse }
pattern picked(sel: list<i32>[batch, kv_heads]) = k in sel[b, kvh]
kernel fz_list = attention(picked) { batch = dynamic; heads = 2; head_dim = 8; q_len = 1; kv_len = dynamic }
pattern bl(blk: blocks<8, 8>, m: bool[q_len, kv_len]) = blk[b, h, qb(8), kb(8)] || m[qi, k]
kernel fz_blocks = attention(bl) { heads = 1; head_dim = 8; seq = 24 }
kernel fz_nm = gemm { m = dynamic; n = 8; k = 16; weight = nm(2, 4); bias = f32[n] }
kernel fz_csr = gemm { m = dynamic; n = 8; k = 16; weight = csr }
`;

/** The kernels of FUZZ_SPEC. */
export const FUZZ_KERNELS = ['fz_doc', 'fz_list', 'fz_blocks', 'fz_nm', 'fz_csr'];

/** The poison of output words (src/harness/compare.ts POISON_BITS). */
export const POISON_BITS = 0x7fc0dead;

const f32 = (n) => Float32Array.from({ length: n }, (_, i) => Math.sin(i));

/** A valid call of `kernel` (small sizes), to be broken; `loaded` is its loaded handle (gemm kernels pack their weight with it). */
export function validCall(kernel, loaded) {
  switch (kernel) {
    case 'fz_doc': return { q: f32(2 * 20 * 8), k: f32(20 * 8), v: f32(20 * 8), doc: new Int32Array(20).map((_, i) => (i < 9 ? 0 : 1)) };
    case 'fz_list': return { q: f32(2 * 2 * 8), k: f32(2 * 2 * 30 * 8), v: f32(2 * 2 * 30 * 8), sel: { offsets: Int32Array.from([0, 3, 5, 5, 6]), values: Int32Array.from([1, 4, 29, 0, 7, 3]) }, sizes: { batch: 2, kvLen: 30 } };
    case 'fz_blocks': return { q: f32(24 * 8), k: f32(24 * 8), v: f32(24 * 8), blk: Uint8Array.from({ length: 9 }, (_, i) => i % 2), m: new Uint8Array(24 * 24) };
    case 'fz_nm': return { x: f32(3 * 16), w: loaded.pack(f32(8 * 16).map((x, i) => (i % 4 < 2 ? x : 0))), bias: f32(8) };
    default: return { x: f32(3 * 16), w: loaded.pack(f32(8 * 16).map((x, i) => (i % 3 === 0 ? x : 0))) };
  }
}

/**
 * Makes `calls` calls, round robin over the kernels of `loaded` (name -> loaded handle); `call(i, name)` gives
 * the inputs of call i and what was done to them. Gemm outputs are handed in poisoned: a rejected call must leave
 * them so. Returns the tally: rejected (an Error whose message starts with the kernel's name), ran, problems
 * (at most 8: an unclear error, an output written before an error).
 */
export async function hostileCalls(loaded, calls, call) {
  const kernels = Object.keys(loaded);
  const tally = { rejected: 0, ran: 0, problems: [] };
  for (let i = 0; i < calls; i++) {
    const name = kernels[i % kernels.length];
    const { inputs, what } = call(i, name);
    const into = name === 'fz_nm' || name === 'fz_csr' ? { y: new Float32Array(new Uint32Array(3 * 8).fill(POISON_BITS).buffer) } : undefined;
    try {
      await loaded[name].run(inputs, into);
      tally.ran++;
    } catch (e) {
      tally.rejected++;
      const clear = e instanceof Error && e.constructor === Error && e.message.startsWith(`${name}:`);
      const untouched = !into || new Uint32Array(into.y.buffer).every((b) => b === POISON_BITS);
      if ((!clear || !untouched) && tally.problems.length < 8) tally.problems.push(`${name} ${what}: ${clear ? 'output written before the error' : `unclear error ${e?.constructor?.name}: ${e?.message}`}`);
    }
  }
  return tally;
}
