import type { z } from 'zod';
import { journeyDocumentSchema, type JourneyDocument, type JourneyDocumentInput, type JourneySettings } from '../document/journey.schema';
import type { triggerSchema } from '../document/trigger.schema';

type TriggerInput = z.input<typeof triggerSchema>;
type WithOptionalId<T> = T extends { id: string } ? Omit<T, 'id'> & { id?: string } : never;

/** Fluent builder of journey documents for tests and seeds. */
export interface JourneyBuilder {
  /** Adds a trigger; its id defaults to `t1`, `t2`, … */
  trigger(trigger: WithOptionalId<TriggerInput>): JourneyBuilder;
  /** Adds a node; the first node added is the entry unless {@link JourneyBuilder.entry} says otherwise. */
  node(id: string, type: string, config?: Record<string, unknown>, label?: string): JourneyBuilder;
  /** Connects `source`'s `port` to `target`; the edge id is `source.port->target`-like. */
  edge(source: string, port: string, target: string): JourneyBuilder;
  /** Connects each node to the next through `main`. */
  chain(...ids: string[]): JourneyBuilder;
  entry(nodeId: string | undefined): JourneyBuilder;
  settings(settings: Partial<JourneySettings>): JourneyBuilder;
  /** The document as written, without parsing (to test invalid documents). */
  raw(): JourneyDocumentInput;
  /** The parsed document. Throws when it does not match the schema. */
  build(): JourneyDocument;
}

/**
 * Starts a journey document. Defaults: no triggers, settings with `numberId: 'number-1'`,
 * nodes laid out left to right.
 * @example
 * const doc = journeyBuilder()
 *   .trigger({ kind: 'message.received', match: { kind: 'any' } })
 *   .node('hello', 'core.send-text@1', { text: 'Hi {{contact.profileName}}' })
 *   .node('done', 'core.end@1')
 *   .chain('hello', 'done')
 *   .build();
 */
export function journeyBuilder(): JourneyBuilder {
  const doc: JourneyDocumentInput & Required<Pick<JourneyDocumentInput, 'triggers' | 'nodes' | 'edges'>> = {
    schemaVersion: 1,
    triggers: [],
    nodes: [],
    edges: [],
    settings: { numberId: 'number-1' },
  };
  let entrySet = false;
  const builder: JourneyBuilder = {
    trigger(trigger) {
      doc.triggers.push({ ...trigger, id: trigger.id ?? `t${doc.triggers.length + 1}` } as TriggerInput);
      return builder;
    },
    node(id, type, config = {}, label) {
      doc.nodes.push({ id, type, config, position: { x: doc.nodes.length * 280, y: 0 }, ...(label ? { label } : {}) });
      if (!entrySet && doc.entryNodeId === undefined) doc.entryNodeId = id;
      return builder;
    },
    edge(source, port, target) {
      doc.edges.push({ id: `${source}-${port}-${target}`, source, sourcePort: port, target });
      return builder;
    },
    chain(...ids) {
      ids.slice(1).forEach((target, i) => builder.edge(ids[i], 'main', target));
      return builder;
    },
    entry(nodeId) {
      entrySet = true;
      doc.entryNodeId = nodeId;
      return builder;
    },
    settings(settings) {
      doc.settings = { ...doc.settings, ...settings };
      return builder;
    },
    raw: () => structuredClone(doc),
    build: () => journeyDocumentSchema.parse(structuredClone(doc)),
  };
  return builder;
}
