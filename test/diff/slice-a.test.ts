/** @file Differential CI slice, half A: every kernel on interp, 1 in 5 on wasm. */
import { describe } from 'vitest';
import { sliceTests } from './slice.js';

describe('differential slice A (interp, wasm)', () => sliceTests(0));
