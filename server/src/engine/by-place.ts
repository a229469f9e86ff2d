// Pieces of a text (chunks, phrase segments) found by their place in the previous version of the text. A
// keystroke leaves the pieces before it where they were and moves those after it by the change in length, so
// each piece of the new text is looked for at its own offset and at that offset minus the change, and taken
// only when its text is the same (compared at memcmp speed: no slicing and hashing of the whole document for
// Map lookups by text on every keystroke).

export interface Placed {
  readonly start: number;
}

/**
 * A finder over the previous version's pieces (sorted by start; `textOf` gives a piece's text), for the pieces
 * of a new text asked for in order of their start. `delta` is the new text's length minus the old one's.
 */
export function findByPlace<T extends Placed>(old: readonly T[], textOf: (piece: T) => string, delta: number) {
  let same = 0;
  let moved = 0;
  /** The old piece with this text at `start` or at `start - delta`; `text` is the whole new text. */
  return (text: string, start: number, length: number): T | undefined => {
    const matches = (p: T | undefined, at: number): p is T => {
      if (!p || p.start !== at) return false;
      const t = textOf(p);
      return t.length === length && t === (start === 0 && length === text.length ? text : text.slice(start, start + length));
    };
    while (same < old.length && old[same]!.start < start) same++;
    if (matches(old[same], start)) return old[same];
    if (delta === 0) return undefined;
    while (moved < old.length && old[moved]!.start < start - delta) moved++;
    return matches(old[moved], start - delta) ? old[moved] : undefined;
  };
}
