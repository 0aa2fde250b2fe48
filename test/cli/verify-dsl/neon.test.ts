/** @file The main job on ARM NEON C under qemu-aarch64 (native on an arm64 host): every kernel in dsl/ verifies against the float64 reference. */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('neon');
