/** @file The main job on the IR interpreter: every kernel in dsl/ verifies against the float64 reference. */
import { verifyDslOn } from './verify-dsl.js';

verifyDslOn('interp');
