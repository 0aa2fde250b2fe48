// Argument checks of the bench entry points: a misspelt flag is an error with a did-you-mean, never a silent default run.
import { describe, it, expect } from 'vitest';
import { parseArgv } from '../../src/bench/main.js';
import { main } from '../../src/cli/main.js';

describe('node dist/bench/main.js arguments', () => {
  it('parses the known flags', () => {
    expect(parseArgv(['--json', '--threads', '2', '--cases', 'causal,window', '--no-peers', '--target=wasm'])).toEqual({
      json: true, quick: false, noPeers: true, browser: false, target: 'wasm', threads: 2, cases: ['causal', 'window'],
    });
  });
  it('refuses an unknown flag with a did-you-mean (--case is not --cases)', () => {
    expect(() => parseArgv(['--case', 'window'])).toThrow(/unknown option '--case' \(did you mean '--cases'\?\)/);
    expect(() => parseArgv(['--jsno'])).toThrow(/did you mean '--json'/);
    expect(() => parseArgv(['window'])).toThrow(/unexpected argument 'window'/);
    expect(() => parseArgv(['--threads'])).toThrow(/--threads needs a value/);
    expect(() => parseArgv(['--threads', '--json'])).toThrow(/--threads needs a value/);
    expect(parseArgv(['--help']).help).toBe(true);
  });
});

describe('sparsec bench arguments', () => {
  it('refuses an unknown flag with a did-you-mean before running anything', async () => {
    let err = '';
    const code = await main(['bench', '--cases', 'window', '--quick'], { out: () => {}, err: (s: string) => { err += s; }, interactive: false });
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option '--cases'/);
    expect(err).toMatch(/Did you mean --case\?/);
  });
});
