// Pieces of a text (chunks, phrase segments) found by their place in the previous version of the text. A
// keystroke leaves the pieces before it where they were and moves those after it by the change in length, so
// each piece of the new text is looked for at its own offset and at that offset minus the change, and taken
// only when its text is the same (compared at memcmp speed: no slicing and hashing of the whole document for
// Map lookups by text on every keystroke).

export interface Placed {
  readonly start: number;
  readonly text: string;
}

/**
 * A finder over the previous version's pieces (sorted by start), for the pieces of a new text asked for in order
 * of their start. `delta` is the new text's length minus the old one's. A class, not a closure made per call: a
 * full collection (the server's heap trimming) drops the optimised code of closures that no longer exist, and a
 * closure made per keystroke is re-optimised after every collection (see docs/performance.md).
 */
export class PlaceFinder<T extends Placed> {
  private same = 0;
  private moved = 0;

  constructor(
    private readonly old: readonly T[],
    private readonly delta: number,
  ) {}

  /** The old piece with this text at `start` or at `start - delta`; `text` is the whole new text. */
  find(text: string, start: number, length: number): T | undefined {
    const { old, delta } = this;
    while (this.same < old.length && old[this.same]!.start < start) this.same++;
    if (samePiece(old[this.same], start, text, start, length)) return old[this.same];
    if (delta === 0) return undefined;
    while (this.moved < old.length && old[this.moved]!.start < start - delta) this.moved++;
    return samePiece(old[this.moved], start - delta, text, start, length) ? old[this.moved] : undefined;
  }
}

/** Whether piece `p` starts at `at` and has the text of text.slice(start, start + length). */
function samePiece(p: Placed | undefined, at: number, text: string, start: number, length: number): boolean {
  if (!p || p.start !== at) return false;
  const t = p.text;
  return t.length === length && t === (start === 0 && length === text.length ? text : text.slice(start, start + length));
}

export function findByPlace<T extends Placed>(old: readonly T[], delta: number): PlaceFinder<T> {
  return new PlaceFinder(old, delta);
}
