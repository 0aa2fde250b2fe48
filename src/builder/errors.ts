/**
 * @file The one error the builder throws: a misuse of the builder API inside a spec (a bad name,
 * a non-finite number, a wrong operand). The `.ts` loader turns it into an SPC008 diagnostic.
 */

/** A mistake in a TypeScript spec detected while it builds its declarations. */
export class BuilderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SparsecBuilderError';
  }
}

/** Words the `.sparse` grammar reserves; they cannot name patterns, kernels, parameters or inputs. */
const RESERVED = new Set(['pattern', 'kernel', 'import', 'true', 'false']);

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Throws unless `name` is a valid `.sparse` identifier; `what` says what it names. */
export function checkIdentifier(name: unknown, what: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name) || RESERVED.has(name)) {
    throw new BuilderError(`${what} must be an identifier (letters, digits, '_', not a keyword), got ${describe(name)}`);
  }
  return name;
}

/** A short human description of a value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
