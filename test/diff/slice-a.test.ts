/** @file Differential CI slice, half A: every kernel on interp, 1 in 5 on wasm, 1 in 10 on cuda (emulated) and on neon. */
import { describe } from 'vitest';
import { sliceTests } from './slice.js';

describe('differential slice A (interp, wasm, cuda, neon)', () => sliceTests(0));
