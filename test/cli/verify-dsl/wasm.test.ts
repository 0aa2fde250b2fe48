/** @file The main job on the embedded default target (WebAssembly SIMD): every kernel in dsl/ verifies against the float64 reference. */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('wasm');
