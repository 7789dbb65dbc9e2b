// Shape of an ES module compiled to CommonJS with `export default { nodes }`.
const good = require('./good-nodes');

exports.__esModule = true;
exports.default = { nodes: [{ ...good.nodes[0], type: 'fixture.echo-esm', key: 'fixture.echo-esm@1' }] };
