import { flowNodeSpecs, isFlowNodeType } from '../flow-nodes/flow-nodes';
import { catalogueOf, describeNodeSpec, nodeKey } from './describe-node-spec.util';

describe('describeNodeSpec', () => {
  const described = flowNodeSpecs.map(describeNodeSpec);

  it('describes every flow node with a JSON Schema form and JSON-safe fields', () => {
    expect(described.map((d) => d.key)).toEqual([
      'core.wait@1',
      'core.wait-for-reply@1',
      'core.wait-for-status@1',
      'core.condition@1',
      'core.split@1',
      'core.goal@1',
      'core.exit@1',
      'core.end@1',
    ]);
    for (const spec of described) {
      expect(spec.kind).toBe('flow');
      expect(spec.configJsonSchema).toEqual(expect.objectContaining({ $schema: expect.any(String) }));
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
  });

  test.each([
    ['core.condition@1', ['true', 'false'], null],
    ['core.wait@1', ['main'], null],
    ['core.end@1', [], {}],
    [
      'core.split@1',
      null,
      {
        variants: [
          { port: 'a', weight: 50 },
          { port: 'b', weight: 50 },
        ],
      },
    ],
    ['core.wait-for-reply@1', null, { timeout: { amount: 24, unit: 'hours' }, branches: [] }],
  ])('%s: static ports %j, default config %j', (key, ports, defaultConfig) => {
    const spec = described.find((d) => d.key === key);
    expect(spec?.ports).toEqual(ports);
    expect(spec?.defaultConfig).toEqual(defaultConfig);
  });

  it('gives dynamic nodes the ports of their default config', () => {
    expect(described.find((d) => d.key === 'core.split@1')?.defaultPorts).toEqual(['a', 'b']);
    expect(described.find((d) => d.key === 'core.wait-for-reply@1')?.defaultPorts).toEqual(['other', 'timeout']);
  });

  it('renders the form from the input shape (defaulted fields are optional)', () => {
    const schema = described.find((d) => d.key === 'core.wait-for-reply@1')?.configJsonSchema as {
      required?: string[];
      properties: object;
    };
    expect(schema.required ?? []).toEqual([]);
    expect(Object.keys(schema.properties)).toEqual(['timeout', 'branches', 'saveReplyAs']);
  });
});

describe('catalogue helpers', () => {
  it('keys specs by type@version and refuses duplicates', () => {
    expect(nodeKey({ type: 'acme.crm-lookup', version: 2 })).toBe('acme.crm-lookup@2');
    expect(() => catalogueOf([...flowNodeSpecs, flowNodeSpecs[0]])).toThrow('core.wait@1 is defined twice');
  });

  test.each([
    ['core.wait@1', true],
    ['core.wait@2', false],
    ['core.send-text@1', false],
    ['toString', false],
  ])('isFlowNodeType(%s) → %s', (type, expected) => {
    expect(isFlowNodeType(type)).toBe(expected);
  });
});
