import type { NodeStatsDto, VersionStatsDto } from '@tandem/api-contract';

/** WhatsApp funnel of a send node. */
export type Funnel = NonNullable<NodeStatsDto['funnel']>;

export type FunnelStageKey = keyof Funnel;

/** One bar of the funnel. */
export interface FunnelStage {
  key: FunnelStageKey;
  label: string;
  count: number;
  /** Share of sent messages (0–1), `null` when nothing was sent. */
  ofSent: number | null;
  /** Conversion from the previous stage (delivered of sent, read of delivered), `null` when undefined. */
  ofPrevious: number | null;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * Funnel stages in order. Replies are measured against *sent*, not *read*: contacts with
 * read receipts off reply without ever reporting `read`.
 */
export function funnelStages(funnel: Funnel): FunnelStage[] {
  return [
    { key: 'sent', label: 'Sent', count: funnel.sent, ofSent: ratio(funnel.sent, funnel.sent), ofPrevious: null },
    {
      key: 'delivered',
      label: 'Delivered',
      count: funnel.delivered,
      ofSent: ratio(funnel.delivered, funnel.sent),
      ofPrevious: ratio(funnel.delivered, funnel.sent),
    },
    {
      key: 'read',
      label: 'Read',
      count: funnel.read,
      ofSent: ratio(funnel.read, funnel.sent),
      ofPrevious: ratio(funnel.read, funnel.delivered),
    },
    {
      key: 'replied',
      label: 'Replied',
      count: funnel.replied,
      ofSent: ratio(funnel.replied, funnel.sent),
      ofPrevious: ratio(funnel.replied, funnel.sent),
    },
    { key: 'failed', label: 'Failed', count: funnel.failed, ofSent: ratio(funnel.failed, funnel.sent), ofPrevious: null },
  ];
}

/** Share of a node's entries that left through `port` (0–1), `null` before any entry. */
export function portShare(stats: NodeStatsDto, port: string): number | null {
  return ratio(stats.ports[port] ?? 0, stats.entered);
}

/**
 * Runs still inside a node: entered but neither left by a port nor failed (never
 * negative). A node without ports (end, exit) holds no one: entering it is finishing.
 */
export function inNode(stats: NodeStatsDto, portCount: number): number {
  if (portCount === 0) return 0;
  const left = Object.values(stats.ports).reduce((sum, n) => sum + n, 0);
  return Math.max(0, stats.entered - left - stats.failed);
}

/** Total runs of a version and the count per status, largest first. */
export function runTotals(stats: VersionStatsDto): { total: number; byStatus: [string, number][] } {
  const byStatus = Object.entries(stats.runs)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return { total: byStatus.reduce((sum, [, n]) => sum + n, 0), byStatus };
}
