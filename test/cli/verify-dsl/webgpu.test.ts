/** @file The main job on WebGPU on Dawn (SwiftShader without a GPU), first half: every other kernel in dsl/ verifies against the float64 reference (webgpu-2.test.ts has the rest). */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('webgpu', 0, 2);
