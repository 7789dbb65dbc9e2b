module.exports = { echo: require('./good-nodes').nodes[0] };
