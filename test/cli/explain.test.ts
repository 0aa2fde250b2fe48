/** @file `sparsec explain CODE`: the catalogue entry and its example from docs/diagnostics.md; an unknown code is a usage error with a suggestion. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

function capture(): Io & { text: () => string } {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive: false, text: () => lines.join('\n') };
}

describe('sparsec explain', () => {
  it('prints the entry and the example of a code, however it is written', async () => {
    for (const code of ['SPC012', 'spc12', '12']) {
      const io = capture();
      expect(await main(['explain', code], io)).toBe(0);
      expect(io.text()).toMatch(/^SPC012 \(error\): unknown name '\{0\}'\{1\}\n\nA name is not a parameter/);
      expect(io.text()).toContain("error SPC012: unknown name 'windw' (did you mean 'window'?)");
    }
  });

  it('refuses a code that does not exist, with the closest one', async () => {
    const io = capture();
    expect(await main(['explain', 'SPX012'], io)).toBe(2);
    expect(io.text()).toMatch(/no diagnostic code 'SPX012' \(did you mean 'SPC012'\?\)/);
  });
});
