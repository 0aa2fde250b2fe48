/**
 * @file The text builder of one C function: indented lines, braces, fresh names, and declarations hoisted to
 * the top of the function (so a value computed in one loop or branch is visible after it, as wasm locals are).
 */
import { forHeader } from './spelling.js';

/** Builds one C function body. */
export class CWriter {
  private readonly lines: string[] = [];
  private readonly decls: string[] = [];
  private depth = 1;
  private counter = 0;

  /** Appends one line at the current nesting. */
  line(text: string): void {
    this.lines.push('  '.repeat(this.depth) + text);
  }

  /** Appends a line ending in `{` and nests what follows until `close`. */
  open(text: string): void {
    this.line(text);
    this.depth++;
  }

  /** Closes `count` braces. */
  close(count = 1): void {
    for (let i = 0; i < count; i++) {
      this.depth--;
      this.line('}');
    }
  }

  /** A fresh name starting with `hint`. */
  fresh(hint: string): string {
    return `${hint}${this.counter++}`;
  }

  /** Declares a function-wide variable (hoisted to the top of the body); returns its name. */
  declare(type: string, hint: string, suffix = ''): string {
    const name = this.fresh(hint);
    this.decls.push(`  ${type} ${name}${suffix};`);
    return name;
  }

  /** Adds a raw hoisted declaration line (arrays, tables). */
  hoist(text: string): void {
    this.decls.push(`  ${text}`);
  }

  /** `for (i = from; i < to; i += step) { body(i) }` with a fresh index; `to` is any C expression. */
  forLoop(from: string, to: string, step: number, body: (i: string) => void, hint = 'i'): void {
    const i = this.fresh(hint);
    this.open(forHeader(i, from, to, step));
    body(i);
    this.close();
  }

  /** A loop over [0, count) with a static count; a single step is printed without a loop. */
  forCount(count: number, step: number, body: (i: string) => void, hint = 'i'): void {
    if (count <= 0) return;
    if (count <= step) {
      body('0');
      return;
    }
    this.forLoop('0', String(count), step, body, hint);
  }

  /** The body text: hoisted declarations, then the statements. */
  body(): string {
    return [...this.decls, ...this.lines].join('\n');
  }
}
