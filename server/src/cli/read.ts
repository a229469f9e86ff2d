// Reading a document once: UTF-8 only (invalid bytes are reported, never replaced), BOM stripped, and a size
// cap checked before the bytes are decoded where the size on disk already tells.
import { readFileSync, statSync } from 'node:fs';

export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'too-large'; readonly size: number; readonly unit: 'characters' | 'bytes' }
  | { readonly kind: 'error'; readonly message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readDocument(abs: string, maxFileSize: number): ReadResult {
  let bytes: Buffer;
  try {
    // A UTF-16 code unit takes at least one byte... and at most three: a file this large on disk is too large.
    const size = statSync(abs).size;
    if (size > maxFileSize * 3) return { kind: 'too-large', size, unit: 'bytes' };
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
  if (text.length > maxFileSize) return { kind: 'too-large', size: text.length, unit: 'characters' };
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
