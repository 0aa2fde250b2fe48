/**
 * @file Every weight-format plug-in (WEIGHT_FORMATS) is known to the compiler's format tables: the checker reads the
 * format's own text back to its layout, `show` draws its storage unit, and verification adds a sparse random weight
 * exactly where any density fits the format.
 */
import { describe, expect, it } from 'vitest';
import { checkKernelSource } from '../../src/bench/sparsec/kernels.js';
import { verifySizes } from '../../src/harness/sizes.js';
import type { GemmKernel, WeightFormat } from '../../src/model/kernel.js';
import { formatText, WEIGHT_FORMATS } from '../../src/runtime/formats/index.js';
import { gemmFigureLines, weightTile } from '../../src/show/gemm.js';

/** One layout of each format. */
const LAYOUTS = {
  dense: { format: 'dense' },
  csr: { format: 'csr' },
  nm: { format: 'nm', keep: 2, group: 4 },
  bsr: { format: 'bsr', r: 4, c: 2 },
} as const satisfies { readonly [F in keyof typeof WEIGHT_FORMATS]: WeightFormat };

const gemmWith = (w: WeightFormat): GemmKernel => checkKernelSource(`kernel g = gemm { m = 4; n = 16; k = 32; weight = ${formatText(w)} }`) as GemmKernel;

describe.each(Object.values(LAYOUTS))('weight format %o', (layout: WeightFormat) => {
  const plugin = WEIGHT_FORMATS[layout.format];

  it('checks from its own text back to its layout', () => {
    expect(gemmWith(layout).weight).toEqual(layout);
  });

  it('is drawn in its storage unit (16 x 16 without one) and named by its text', () => {
    const k = gemmWith(layout);
    const [tileN, tileK] = plugin.unit(layout as never) ?? [16, 16];
    expect(weightTile(k)).toEqual({ tileN, tileK });
    const figures = { density: 1, liveTiles: 0, fullTiles: 0, partialTiles: 0, emptyTiles: 0, workSaved: 0 };
    expect(gemmFigureLines(k, { m: 4, n: 16, k: 32 }, figures, tileN, tileK, 0)[0]).toContain(`weight ${plugin.text(layout as never)} n=16`);
  });

  it('gets a sparse random weight case exactly when any density fits it', () => {
    const sparse = verifySizes(gemmWith(layout)).some((c) => c.random?.density !== undefined);
    expect(sparse).toBe(plugin.anyDensity);
  });
});

it('the formats with free density are csr and bsr; nm and csr do work per nonzero', () => {
  expect(Object.values(WEIGHT_FORMATS).filter((p) => p.anyDensity).map((p) => p.format).sort()).toEqual(['bsr', 'csr']);
  expect(Object.values(WEIGHT_FORMATS).filter((p) => p.workPer === 'nonzero').map((p) => p.format).sort()).toEqual(['csr', 'nm']);
});
