import { describe, it, expect } from 'vitest';
import { PNG } from 'pngjs';
import { renderMaskPicture, showKernel } from '../../src/show/index.js';
import { axisPixels } from '../../src/show/raster.js';
import { and, bin, causal, int, k, kernelOf, load, q, sizesOf, sub } from '../analysis/helpers.js';

describe('sparsec show pictures', () => {
  const causalKernel = kernelOf(causal, { qLen: 8, kvLen: 8 });

  it('PNG decodes with pngjs to the expected size', () => {
    const png = renderMaskPicture(causalKernel, sizesOf({ qLen: 8, kvLen: 8 }), {}, { tileQ: 4, tileK: 4, format: 'png' }) as Buffer;
    const img = PNG.sync.read(png);
    expect(axisPixels(8)).toBe(256);
    expect(img.height).toBeGreaterThan(256 + 16);
    expect(img.width).toBeGreaterThanOrEqual(256 + 16);
    // The top-right tile is empty (light grey), the bottom-left one full (green), a diagonal pixel allowed (blue).
    const px = (x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 3));
    expect(px(8 + 250, 8 + 5)).toEqual([246, 246, 246]);
    expect(px(8 + 5, 8 + 250)).toEqual([31, 78, 156]);
    expect(px(8 + 5, 8 + 20)).toEqual([31, 78, 156]);
  });

  it('large kernels are sampled down to at most 1024 pixels per side', () => {
    const window = kernelOf(and(causal, bin('lt', sub(q, k), int(300))), { qLen: 3000, kvLen: 3000 });
    const img = PNG.sync.read(renderMaskPicture(window, sizesOf({ qLen: 3000, kvLen: 3000 }), {}, { tileQ: 128, tileK: 128, format: 'png' }) as Buffer);
    expect(img.width).toBeLessThanOrEqual(1024 + 16 + 400);
    expect(img.height).toBeLessThanOrEqual(1024 + 16 + 80);
  });

  it('SVG contains the figures', () => {
    const { svg, figures } = showKernel(causalKernel, { tileQ: 4, tileK: 4, svg: true, png: false });
    expect(figures).toMatchObject({ liveTiles: 3, fullTiles: 1, partialTiles: 2, emptyTiles: 1, workSaved: 0.25 });
    expect(figures.density).toBeCloseTo(36 / 64, 10);
    expect(svg).toContain('density 56.3%  live 3  full 1  partial 2  empty 1');
    expect(svg).toContain('work saved 25.0%');
  });

  it('matches the golden SVG of a tiny causal kernel', async () => {
    const svg = renderMaskPicture(causalKernel, sizesOf({ qLen: 8, kvLen: 8 }), {}, { tileQ: 4, tileK: 4, format: 'svg' }) as string;
    await expect(svg).toMatchFileSnapshot('./golden/causal-8x8-tile4.svg');
  });

  it('draws runtime-input kernels with seeded random inputs', () => {
    const kernel = kernelOf(and(causal, bin('eq', load('doc', 'int', q), load('doc', 'int', k))), { qLen: 64, kvLen: 64 },
      [{ kind: 'tensor', name: 'doc', elem: 'i32', axes: [{ kind: 'size', name: 'kv_len' }] }]);
    const a = showKernel(kernel, { tileQ: 8, tileK: 8, seed: 5 });
    const b = showKernel(kernel, { tileQ: 8, tileK: 8, seed: 5 });
    expect(a.png!.equals(b.png!)).toBe(true);
    expect(a.figures.liveTiles).toBeGreaterThan(0);
    expect(a.figures.density).toBeLessThanOrEqual(0.5 + 1 / 128);
  });
});
