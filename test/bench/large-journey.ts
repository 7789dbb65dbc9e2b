import { journeyBuilder, type JourneyDocument } from '@tandem/journey-model';

const SEGMENT_NODES = 4;
const SEGMENTS_PER_ROW = 5;
const COLUMN = 280;
const ROW = 330;

/**
 * A valid journey of `nodeCount` nodes (a multiple of 4) in repeated segments: a condition
 * on a contact attribute branches to one of two texts, both continue to a one-minute wait,
 * which leads to the next segment's condition. Segments are laid out five to a row so the
 * whole graph fits the canvas at a zoom React Flow allows, as a real large journey would.
 */
export function largeJourney(nodeCount: number, numberId: string): JourneyDocument {
  if (nodeCount % SEGMENT_NODES !== 0) throw new Error(`nodeCount must be a multiple of ${SEGMENT_NODES}`);
  const builder = journeyBuilder()
    .trigger({ kind: 'message.received', match: { kind: 'keywords', keywords: ['big'], mode: 'exact' } })
    .settings({ numberId });
  const segments = nodeCount / SEGMENT_NODES;
  for (let i = 0; i < segments; i++) {
    builder
      .node(
        `c-${i}`,
        'core.condition@1',
        { combinator: 'all', rules: [{ field: 'contact.attributes.plan', op: 'eq', value: `plan-${i % 7}` }] },
        `Plan ${i % 7}?`,
      )
      .node(`yes-${i}`, 'core.send-text@1', { text: `Step ${i}: you are on plan ${i % 7}.` }, `Plan text ${i}`)
      .node(`no-${i}`, 'core.send-text@1', { text: `Step ${i}: here is what plan ${i % 7} would give you.` }, `Pitch ${i}`)
      .node(`w-${i}`, 'core.wait@1', { mode: 'duration', duration: { amount: 1, unit: 'minutes' } }, `Pause ${i}`)
      .edge(`c-${i}`, 'true', `yes-${i}`)
      .edge(`c-${i}`, 'false', `no-${i}`)
      .edge(`yes-${i}`, 'main', `w-${i}`)
      .edge(`no-${i}`, 'main', `w-${i}`);
    if (i + 1 < segments) builder.edge(`w-${i}`, 'main', `c-${i + 1}`);
  }
  const doc = builder.entry('c-0').build();
  return { ...doc, nodes: doc.nodes.map((node, index) => ({ ...node, position: positionOf(index) })) };
}

/** Where the node at `index` (segment-major, 4 per segment) sits: condition, two texts stacked, wait. */
function positionOf(index: number): { x: number; y: number } {
  const segment = Math.floor(index / SEGMENT_NODES);
  const x0 = (segment % SEGMENTS_PER_ROW) * SEGMENT_NODES * COLUMN;
  const y0 = Math.floor(segment / SEGMENTS_PER_ROW) * ROW;
  const offsets = [
    { x: 0, y: 70 },
    { x: COLUMN, y: 0 },
    { x: COLUMN, y: 150 },
    { x: 2 * COLUMN, y: 70 },
  ];
  const o = offsets[index % SEGMENT_NODES];
  return { x: x0 + o.x, y: y0 + o.y };
}
