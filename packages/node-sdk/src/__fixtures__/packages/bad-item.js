const good = require('./good-nodes');

module.exports = { nodes: [good.nodes[0], { kind: 'action', key: 'fixture.broken@1', ports: () => ['main'] }] };
