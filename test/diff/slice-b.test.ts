/** @file Differential CI slice, half B: another 1 in 5 on wasm, 1 in 10 on webgpu. */
import { describe } from 'vitest';
import { sliceTests } from './slice.js';

describe('differential slice B (wasm, webgpu)', () => sliceTests(1));
