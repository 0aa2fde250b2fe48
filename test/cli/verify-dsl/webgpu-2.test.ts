/** @file The main job on WebGPU on Dawn (SwiftShader without a GPU), second half: the kernels of dsl/ that webgpu.test.ts leaves out. */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('webgpu', 1, 2);
