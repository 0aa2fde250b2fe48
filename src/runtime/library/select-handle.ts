/**
 * @file What generated selector wrappers call: `defineSelect` turns a manifest URL into a handle whose loaded
 * `run({ q, k })` returns the `blocks<BQ, BK>` layout (Uint8Array, 0 / 1) that the matching block-sparse
 * attention kernel takes as its `sel` input unchanged. Target-neutral: the loaders table runs the kernel.
 */
import type { AttentionKernel } from '../../model/kernel.js';
import type { SelectKernel } from '../../model/select.js';
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

/** A loaded selector kernel. */
export interface LoadedSelect<I, O> {
  readonly manifest: KernelManifest;
  readonly target: LibraryTarget;
  readonly variant: string;
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
export function defineSelect<I extends SelectRunInputs, O extends SelectRunOutputs, T extends LibraryTarget = LibraryTarget>(name: string, manifestUrl: URL): KernelHandle<LoadedSelect<I, O>, T> {
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
        run: (inputs, into) => queued(async () => {
          checkInputKeys(k.name, inputs, ['q', 'k', 'sizes']);
          const sizes = attentionSizesOf(asAttention(k), inputs.q, inputs.k, inputs.k, inputs.sizes);
          const length = sizes.batch * sizes.heads * Math.ceil(sizes.kvLen / k.bq) * Math.ceil(sizes.kvLen / k.bk);
          const sel = layoutArray(k.name, into?.sel, length);
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
