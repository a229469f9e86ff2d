// Reading a document once: UTF-8 only (invalid bytes are reported, never replaced), BOM stripped, and a size
// cap checked before the bytes are decoded where the size on disk already tells.
import { readFileSync, statSync } from 'node:fs';

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  /** `text` when the file was read (too large in characters, not on disk). */
  | { readonly kind: 'too-large'; readonly size: number; readonly unit: 'characters' | 'bytes'; readonly text?: string }
  | { readonly kind: 'error'; readonly message: string };

/** Bytes above which a file over maxFileSize is not even read for its outline (VS Code's own limit for extensions). */
export const OUTLINE_READ_MAX = 50 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readDocument(abs: string, maxFileSize: number): ReadResult {
  let bytes: Buffer;
  try {
    // A UTF-16 code unit takes at most three bytes: a file this large on disk is too large. It is still read (for
    // its outline) up to the size VS Code itself still hands to extensions; beyond that it is not read at all.
    const size = statSync(abs).size;
    if (size > maxFileSize * 3 && size > OUTLINE_READ_MAX) return { kind: 'too-large', size, unit: 'bytes' };
    bytes = readFileSync(abs);
  } catch (e) {
    return { kind: 'error', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).reduce((n, b) => (b === 10 ? n + 1 : n), 1);
    return { kind: 'error', message: `not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0') ?? '??'} at line ${line}, byte offset ${at}); convert it to UTF-8 to check it` };
  }
  if (text.length > maxFileSize) return { kind: 'too-large', size: text.length, unit: 'characters', text };
  return { kind: 'text', text };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let n = 0;
    let min = 0;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = n === 0 ? c : c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (n >= 2 && (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)) return i;
    i += n + 1;
  }
  return b.length;
}
