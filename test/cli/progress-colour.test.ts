/** @file Progress lines (count, elapsed, time left; one line per item off a terminal), colour switches, did-you-mean for kernel names. */
import { describe, expect, it } from 'vitest';
import { clock, Progress, progressMode } from '../../src/cli/progress.js';
import { colourEnabled, paintDiagnostic } from '../../src/cli/colour.js';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

function capture(interactive = false): Io & { lines: string[] } {
  const lines: string[] = [];
  return { out: (t) => void lines.push(t), err: (t) => void lines.push(t), interactive, lines };
}

describe('progress', () => {
  it('off a terminal: one line per finished item with the count, the elapsed time and the time left', () => {
    const io = capture();
    let now = 0;
    const p = new Progress(io, progressMode(io, false), 'verify', 4, () => now);
    now = 10_000;
    p.note('running case 1');
    p.step('a', '6 pass');
    now = 20_000;
    p.step('b');
    now = 95_000;
    p.step('c', '1 fail');
    p.finish();
    expect(io.lines).toEqual([
      'verify 1/4 [0:10 elapsed, ~0:30 left] a: 6 pass',
      'verify 2/4 [0:20 elapsed, ~0:20 left] b',
      'verify 3/4 [1:35 elapsed, ~0:32 left] c: 1 fail',
    ]);
  });

  it('machine output and --quiet print nothing; clock formats minutes and hours', () => {
    const io = capture();
    const p = new Progress(io, progressMode(io, true), 'build', 2);
    p.step('a');
    expect(io.lines).toEqual([]);
    expect(progressMode(capture(true), false)).toBe('terminal');
    expect([clock(0), clock(75), clock(3725)]).toEqual(['0:00', '1:15', '1:02:05']);
  });
});

describe('colour', () => {
  it('follows the terminal, NO_COLOR and FORCE_COLOR', () => {
    expect(colourEnabled({ isTTY: true }, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
    expect(colourEnabled({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });

  it('colours only escape codes into a diagnostic: without them the text is the same', () => {
    const text = "x.sparse:1:50: error SPC012: unknown name 'windw'\n  pattern p = q - k < windw\n                      ^^^^^";
    expect(paintDiagnostic(text, false)).toBe(text);
    const painted = paintDiagnostic(text, true);
    expect(painted).toContain('\x1b[31m');
    // eslint-disable-next-line no-control-regex
    expect(painted.replace(/\x1b\[\d+m/g, '')).toBe(text);
  });
});

describe('kernel names', () => {
  it('a misspelled --kernel gets the closest name', async () => {
    const io = capture();
    expect(await main(['build', 'dsl/', '--emit', 'ir', '--kernel', 'streaming_prefil'], io)).toBe(2);
    expect(io.lines.join('\n')).toContain("no kernel named 'streaming_prefil' (did you mean 'streaming_prefill'?)");
  });
});
