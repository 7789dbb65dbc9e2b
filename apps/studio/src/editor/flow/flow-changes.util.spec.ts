import { applySelection, edgeSelections, summarizeNodeChanges } from './flow-changes.util';

describe('React Flow changes → editor', () => {
  it('collects moves, drag end, sizes and selection, ignoring removals', () => {
    const summary = summarizeNodeChanges([
      { type: 'position', id: 'a', position: { x: 1, y: 2 }, dragging: true },
      { type: 'position', id: 'b', dragging: false },
      { type: 'dimensions', id: 'a', dimensions: { width: 200, height: 80 } },
      { type: 'select', id: 'c', selected: true },
      { type: 'remove', id: 'd' },
    ]);
    expect(summary).toEqual({
      positions: { a: { x: 1, y: 2 } },
      dragEnded: true,
      sizes: { a: { width: 200, height: 80 } },
      selections: [{ id: 'c', selected: true }],
    });
  });

  it('applies selection changes and keeps only edge selections', () => {
    expect(
      applySelection(
        ['a', 'b'],
        [
          { id: 'a', selected: false },
          { id: 'c', selected: true },
        ],
      ),
    ).toEqual(['b', 'c']);
    expect(
      edgeSelections([
        { type: 'select', id: 'e-1', selected: true },
        { type: 'remove', id: 'e-2' },
      ]),
    ).toEqual([{ id: 'e-1', selected: true }]);
  });
});
