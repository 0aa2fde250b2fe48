/** @file The main job on CUDA C on a GPU when there is one, else the host emulation: every kernel in dsl/ verifies against the float64 reference. */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('cuda');
