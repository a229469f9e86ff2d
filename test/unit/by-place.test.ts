// findByPlace: a piece of the new text is the old piece at the same offset or moved by the change in length,
// and only when its text is the same.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findByPlace, findPlaced } from '../../server/src/engine/by-place';

const pieces = (text: string, cuts: number[]) => cuts.map((start, i) => ({ start, text: text.slice(start, cuts[i + 1] ?? text.length) }));

describe('findByPlace', () => {
  const before = '# A\naaa\n# B\nbbb\n# C\nccc\n';
  const old = pieces(before, [0, 8, 16]);

  it('finds the pieces before an edit in place, those after it moved, and not the edited one', () => {
    const after = '# A\naaa\n# B\nbXbb\n# C\nccc\n';
    const find = findByPlace(old, after.length - before.length);
    assert.equal(findPlaced(find, after, 0, 8), old[0]);
    assert.equal(findPlaced(find, after, 8, 9), undefined);
    assert.equal(findPlaced(find, after, 17, 8), old[2]);
  });

  it('compares texts: a same-length replacement is not taken for the old piece', () => {
    const after = '# A\naaa\n# B\nbxb\n# C\nccc\n';
    const find = findByPlace(old, 0);
    assert.equal(findPlaced(find, after, 0, 8), old[0]);
    assert.equal(findPlaced(find, after, 8, 8), undefined);
    assert.equal(findPlaced(find, after, 16, 8), old[2]);
  });

  it('finds nothing when the pieces were cut differently', () => {
    const after = '# A\naaa\n# B\nbbb\n# C\nccc\n';
    const find = findByPlace(old, 0);
    assert.equal(findPlaced(find, after, 0, 16), undefined);
    assert.equal(findPlaced(find, after, 16, 8), old[2]);
  });
});
