import { nodePackageSpecifiers } from './catalogue.service';

describe('nodePackageSpecifiers', () => {
  test.each([
    ['', []],
    [' @acme/tandem-nodes , ./local-nodes ,', ['@acme/tandem-nodes', './local-nodes']],
    // The built-in package is always loaded first; listing it again must not register it twice.
    ['@tandem/nodes-core,@acme/x', ['@acme/x']],
  ])('WORKER_NODE_PACKAGES=%j → %j', (raw, expected) => {
    expect(nodePackageSpecifiers(raw)).toEqual(expected);
  });
});
