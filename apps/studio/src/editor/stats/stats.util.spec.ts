import { funnelStages, inNode, portShare, runTotals } from './stats.util';

describe('per-node stats', () => {
  it('computes funnel conversions against sent and the previous stage', () => {
    const stages = funnelStages({ sent: 200, delivered: 180, read: 90, replied: 40, failed: 20 });
    expect(stages.map((s) => [s.key, s.count, s.ofSent, s.ofPrevious])).toEqual([
      ['sent', 200, 1, null],
      ['delivered', 180, 0.9, 0.9],
      ['read', 90, 0.45, 0.5],
      ['replied', 40, 0.2, 0.2],
      ['failed', 20, 0.1, null],
    ]);
  });

  it('has no ratios before anything was sent instead of dividing by zero', () => {
    const stages = funnelStages({ sent: 0, delivered: 0, read: 0, replied: 0, failed: 3 });
    expect(stages.every((s) => s.ofSent === null)).toBe(true);
    expect(stages[2].ofPrevious).toBeNull();
  });

  it('gives port shares and the runs still waiting inside a node', () => {
    const stats = { entered: 50, failed: 5, ports: { replied: 30, timeout: 10 } };
    expect(portShare(stats, 'replied')).toBe(0.6);
    expect(portShare(stats, 'other')).toBe(0);
    expect(portShare({ entered: 0, failed: 0, ports: {} }, 'x')).toBeNull();
    expect(inNode(stats, 3)).toBe(5);
    expect(inNode({ entered: 1, failed: 1, ports: { a: 3 } }, 1)).toBe(0);
    expect(inNode({ entered: 7, failed: 0, ports: {} }, 0)).toBe(0);
  });

  it('totals runs by status, largest first, leaving out statuses no run has', () => {
    expect(runTotals({ version: 2, runs: { completed: 10, failed: 2, running: 5, paused: 0 }, nodes: {} })).toEqual({
      total: 17,
      byStatus: [
        ['completed', 10],
        ['running', 5],
        ['failed', 2],
      ],
    });
  });
});
