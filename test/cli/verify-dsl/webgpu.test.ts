/** @file The main job on WebGPU on Dawn (SwiftShader without a GPU): every kernel in dsl/ verifies against the float64 reference. */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('webgpu');
