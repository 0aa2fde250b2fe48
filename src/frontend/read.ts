/**
 * @file Reads one source file as text: the size limit (SPC003), strict UTF-8 decoding with the
 * first bad byte's offset (SPC002), a leading BOM skipped, and read failures (SPC001).
 */
import { promises as fs } from 'node:fs';

/** The largest source file accepted, in bytes (4 MiB). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** The text of a file, or why there is none. */
export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: 'SPC001'; readonly reason: string }
  | { readonly ok: false; readonly code: 'SPC002' | 'SPC003'; readonly args: readonly (string | number)[]; readonly at?: BytePosition };

/** Where a byte is: 1-based line and column (columns count characters), and its byte offset. */
export interface BytePosition {
  readonly line: number;
  readonly col: number;
  readonly offset: number;
}

/** Reads and decodes `abs`; never throws. */
export async function readSourceFile(abs: string): Promise<ReadResult> {
  try {
    const stat = await fs.stat(abs);
    if (!stat.isFile()) return { ok: false, code: 'SPC001', reason: stat.isDirectory() ? 'is a directory' : 'not a regular file' };
    if (stat.size > MAX_SOURCE_BYTES) return { ok: false, code: 'SPC003', args: [stat.size, MAX_SOURCE_BYTES] };
    const bytes = await fs.readFile(abs);
    if (bytes.length > MAX_SOURCE_BYTES) return { ok: false, code: 'SPC003', args: [bytes.length, MAX_SOURCE_BYTES] };
    return decodeSource(bytes);
  } catch (e) {
    return { ok: false, code: 'SPC001', reason: errorText(e) };
  }
}

/** Decodes UTF-8 bytes (BOM skipped) or reports the first bad byte as SPC002. */
export function decodeSource(bytes: Uint8Array): ReadResult {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at] ?? 0;
    return { ok: false, code: 'SPC002', args: [byte.toString(16).toUpperCase().padStart(2, '0'), at], at: bytePosition(bytes, at) };
  }
}

/** Line and column of byte `at` of UTF-8 `bytes` (valid before `at`); a BOM does not count as a column. */
export function bytePosition(bytes: Uint8Array, at: number): BytePosition {
  let line = 1;
  let col = 1;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < at && i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      col = 1;
    } else if ((b & 0xc0) !== 0x80) {
      col++;
    }
  }
  return { line, col, offset: at };
}

/** Offset of the first byte that starts no valid UTF-8 sequence, or -1 when all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let len = 0;
    if (b < 0x80) len = 1;
    else if (b >= 0xc2 && b <= 0xdf) len = cont(i + 1) ? 2 : 0;
    else if (b === 0xe0) len = cont(i + 1, 0xa0) && cont(i + 2) ? 3 : 0;
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) len = cont(i + 1) && cont(i + 2) ? 3 : 0;
    else if (b === 0xed) len = cont(i + 1, 0x80, 0x9f) && cont(i + 2) ? 3 : 0;
    else if (b === 0xf0) len = cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b >= 0xf1 && b <= 0xf3) len = cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    else if (b === 0xf4) len = cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (len === 0) return i;
    i += len;
  }
  return -1;
}

/** A short reason from a file-system error: "no such file or directory". */
export function errorText(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    ELOOP: 'too many symbolic links',
  };
  if (typeof code === 'string' && known[code]) return known[code]!;
  return e instanceof Error ? e.message : String(e);
}
