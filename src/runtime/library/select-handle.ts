/**
 * @file What generated selector wrappers call: `defineSelect` turns a manifest URL into a handle whose loaded
 * `run({ q, k })` returns the `blocks<BQ, BK>` layout (Uint8Array, 0 / 1) that the matching block-sparse
 * attention kernel takes as its `sel` input unchanged, or (a vertical-slash selector) the sorted `list<i32>`
 * inputs `{ cols, diags }` of a vertical_slash pattern. Target-neutral: the loaders table runs the kernel.
 */
import type { AttentionKernel } from '../../model/kernel.js';
import type { SelectKernel, VerticalSlashSelect } from '../../model/select.js';
import type { AttentionSizes } from '../../model/kernel.js';
import type { RaggedList } from '../../model/values.js';
import { attentionSizeBindings } from './bind.js';
import { attentionSizesOf } from './check.js';
import { checkInputKeys, open, serialQueue, type KernelHandle } from './handles.js';
import type { KernelManifest, LibraryTarget } from './manifest.js';
import type { GivenSizes } from './sizes.js';

/** Selector inputs: Q [batch, heads, q_len, head_dim], K [batch, kv_heads, kv_len, head_dim], optional sizes. */
export interface SelectRunInputs {
  readonly q: Float32Array;
  readonly k: Float32Array;
  readonly sizes?: GivenSizes;
}

/** Selector output: the layout [batch, heads, ceil(kv_len / bq), ceil(kv_len / bk)], 1 where a block is kept. */
export interface SelectRunOutputs {
  readonly sel: Uint8Array;
}

/** Vertical-slash selector output: per (b, h), the kept key columns and diagonal offsets q - k, sorted ascending. */
export interface VerticalSlashRunOutputs {
  readonly cols: RaggedList;
  readonly diags: RaggedList;
}

/** A loaded selector kernel. */
export interface LoadedSelect<I, O> {
  readonly manifest: KernelManifest;
  readonly target: LibraryTarget;
  readonly variant: string;
  /** CPU threads a run uses, as for attention. */
  readonly threads: number;
  /** Runs on `inputs`; the layout goes into `into.sel` when given (checked), else into a fresh array. Runs are queued. */
  run(inputs: I, into?: Partial<O>): Promise<O>;
  dispose(): Promise<void>;
}

/** The selector seen as attention for size resolution: value_dim = head_dim, no V (K stands in for its length check). */
const asAttention = (k: SelectKernel): AttentionKernel => ({ ...k, valueDim: k.headDim }) as unknown as AttentionKernel;

/** The layout `sel` of a run: the caller's array (checked) or a fresh one. */
function layoutArray(kernel: string, given: unknown, length: number): Uint8Array {
  if (given === undefined) return new Uint8Array(length);
  if (!(given instanceof Uint8Array)) throw new Error(`${kernel}: output 'sel' must be a Uint8Array`);
  if (given.length !== length) throw new Error(`${kernel}: output 'sel' has ${given.length} elements, expected ${length}`);
  return given;
}

/** The handle of a generated selector kernel whose manifest is at `manifestUrl`. */
export function defineSelect<I extends SelectRunInputs, O extends SelectRunOutputs | VerticalSlashRunOutputs, T extends LibraryTarget = LibraryTarget>(name: string, manifestUrl: URL): KernelHandle<LoadedSelect<I, O>, T> {
  return {
    name,
    async load(target, options) {
      const { manifest, kernel } = await open(manifestUrl, target, options);
      const k = manifest.kernel as SelectKernel;
      const queued = serialQueue();
      return {
        manifest,
        target,
        variant: kernel.variant,
        threads: kernel.threads ?? 1,
        run: (inputs, into) => queued(async () => {
          checkInputKeys(k.name, inputs, ['q', 'k', 'sizes']);
          const sizes = attentionSizesOf(asAttention(k), inputs.q, inputs.k, inputs.k, inputs.sizes);
          if (k.vslash) return (await runVerticalSlash(k, k.vslash, sizes, inputs, kernel)) as unknown as O;
          const length = sizes.batch * sizes.heads * Math.ceil(sizes.kvLen / k.bq) * Math.ceil(sizes.kvLen / k.bk);
          const sel = layoutArray(k.name, (into as Partial<SelectRunOutputs> | undefined)?.sel, length);
          // NOTE: the kernel writes its 0 / 1 layout as f32 (its only output type); it is narrowed to bytes here.
          const out = new Float32Array(length);
          await kernel.run({ ...attentionSizeBindings(sizes), q: inputs.q, k: inputs.k }, { out }, null);
          for (let e = 0; e < length; e++) {
            const x = out[e]!;
            if (x !== 0 && x !== 1) {
              throw new Error(`${k.name}: kv_len ${sizes.kvLen} has more key blocks of ${k.bk} than this selector's scratch row holds (it wrote ${x}); declare a static kv_len or split the sequence`);
            }
            sel[e] = x;
          }
          return { sel } as unknown as O;
        }),
        dispose: () => kernel.dispose(),
      };
    },
  };
}

/** The kernel's f32 `out` (columns [b, h, nv], then offsets [b, h, ns]) as two CSR lists of fixed length per (b, h). */
async function runVerticalSlash(
  k: SelectKernel, vs: VerticalSlashSelect, sizes: AttentionSizes, inputs: SelectRunInputs,
  kernel: { run(values: Record<string, unknown>, outputs: { out: Float32Array }, plan: null): Promise<unknown> },
): Promise<VerticalSlashRunOutputs> {
  const lists = sizes.batch * sizes.heads;
  const nv = Math.min(vs.kv, sizes.kvLen);
  const ns = Math.min(vs.ks, sizes.kvLen);
  const out = new Float32Array(lists * (nv + ns));
  await kernel.run({ ...attentionSizeBindings(sizes), q: inputs.q, k: inputs.k }, { out }, null);
  if (out[0] === -1) throw new Error(`${k.name}: kv_len ${sizes.kvLen} is longer than this selector's scratch rows (it wrote -1); declare a static kv_len or split the sequence`);
  const list = (from: number, n: number): RaggedList => ({
    offsets: Int32Array.from({ length: lists + 1 }, (_, i) => i * n),
    values: Int32Array.from(out.subarray(from, from + lists * n)),
  });
  return { cols: list(0, nv), diags: list(lists * nv, ns) };
}
