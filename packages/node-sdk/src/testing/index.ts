/**
 * @tandem/node-sdk/testing — run a node in a test without an engine.
 * @example
 * import { runNode } from '@tandem/node-sdk/testing';
 * const { port, sent } = await runNode(myNode, { config: { text: 'Hi' } });
 */
export { runNode } from './run-node';
export { createTestContext, TEST_NOW } from './test-context';
export type {
  RunNodeOptions,
  RunNodeResult,
  NodeRecording,
  ContactChange,
  LogEntry,
  HttpResponseStub,
  TemplateFixture,
} from './harness.types';
