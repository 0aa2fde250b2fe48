/**
 * @file A tiny 3x5 bitmap font (digits, letters, a few symbols) to write the figures into PNG pictures
 * without a font library. Letters render in upper case.
 */

/** Glyph rows, top to bottom, three pixels each ('1' = ink). */
const GLYPHS: Record<string, string> = {
  '0': '111101101101111', '1': '010110010010111', '2': '111001111100111', '3': '111001111001111',
  '4': '101101111001001', '5': '111100111001111', '6': '111100111101111', '7': '111001001001001',
  '8': '111101111101111', '9': '111101111001111',
  A: '010101111101101', B: '110101110101110', C: '011100100100011', D: '110101101101110',
  E: '111100110100111', F: '111100110100100', G: '011100101101011', H: '101101111101101',
  I: '111010010010111', J: '001001001101010', K: '101101110101101', L: '100100100100111',
  M: '101111111101101', N: '110101101101101', O: '010101101101010', P: '110101110100100',
  Q: '010101101110011', R: '110101110101101', S: '011100010001110', T: '111010010010010',
  U: '101101101101111', V: '101101101101010', W: '101101111111101', X: '101101010101101',
  Y: '101101010010010', Z: '111001010100111',
  '.': '000000000000010', '%': '101001010100101', '=': '000111000111000', ':': '000010000010000',
  '/': '001001010100100', '-': '000000111000000', '_': '000000000000111', '(': '001010010010001',
  ')': '100010010010100', ',': '000000000010100', ' ': '000000000000000', '?': '111001010000010',
};

/** Width and height of one glyph cell in font pixels (3x5 glyph plus one column of spacing). */
export const GLYPH_ADVANCE = 4;
export const GLYPH_HEIGHT = 5;

/** Calls `ink(x, y)` for every inked font pixel of `text` drawn at scale 1 from the origin. */
export function rasterizeText(text: string, ink: (x: number, y: number) => void): void {
  [...text.toUpperCase()].forEach((ch, i) => {
    const glyph = GLYPHS[ch] ?? GLYPHS['?']!;
    for (let row = 0; row < GLYPH_HEIGHT; row++) {
      for (let col = 0; col < 3; col++) if (glyph[row * 3 + col] === '1') ink(i * GLYPH_ADVANCE + col, row);
    }
  });
}
