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
 * of their start (findPlaced). `delta` is the new text's length minus the old one's.
 *
 * A plain object and module functions, not a class or a closure made per call: the server's heap trimming runs
 * full collections, and a full collection drops the optimised code that refers to objects no longer alive. A
 * closure made per keystroke, or the map (hidden class) of a class whose instances all died, is such an object,
 * and the code was re-optimised after every collection; an object literal's map is kept by its boilerplate (see
 * docs/performance.md).
 */
export interface PlaceFinder<T extends Placed> {
  readonly old: readonly T[];
  readonly delta: number;
  /** How far the search for pieces in place, and for moved pieces, has come. */
  same: number;
  moved: number;
}

export function findByPlace<T extends Placed>(old: readonly T[], delta: number): PlaceFinder<T> {
  return { old, delta, same: 0, moved: 0 };
}

/** The old piece with this text at `start` or at `start - delta`; `text` is the whole new text. */
export function findPlaced<T extends Placed>(finder: PlaceFinder<T>, text: string, start: number, length: number): T | undefined {
  const { old, delta } = finder;
  while (finder.same < old.length && old[finder.same]!.start < start) finder.same++;
  if (samePiece(old[finder.same], start, text, start, length)) return old[finder.same];
  if (delta === 0) return undefined;
  while (finder.moved < old.length && old[finder.moved]!.start < start - delta) finder.moved++;
  return samePiece(old[finder.moved], start - delta, text, start, length) ? old[finder.moved] : undefined;
}

/** Whether piece `p` starts at `at` and has the text of text.slice(start, start + length). */
function samePiece(p: Placed | undefined, at: number, text: string, start: number, length: number): boolean {
  if (!p || p.start !== at) return false;
  const t = p.text;
  return t.length === length && t === (start === 0 && length === text.length ? text : text.slice(start, start + length));
}
