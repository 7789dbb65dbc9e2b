import type { OptEventDto } from '@tandem/api-contract';

const SOURCES: Record<OptEventDto['source'], string> = {
  keyword: 'by keyword',
  admin: 'by a teammate',
  api: 'through the API',
  meta_code: 'by Meta',
  journey: 'by a journey',
};

/** One line of the opt history in words, e.g. "Opted out by keyword “STOP”". */
export function describeOptEvent(e: OptEventDto): string {
  const d = e.detail as { keyword?: string; code?: number; until?: string; undid?: string; reason?: string };
  const what = {
    opt_out: e.scope === 'marketing' ? 'Stopped marketing' : 'Opted out',
    opt_in: 'Opted back in',
    held: 'Held from marketing by Meta’s limit',
    undo: d.undid === 'hold' ? 'Hold ended' : d.undid === 'marketing' ? 'Marketing stop undone' : 'Opt-out undone',
  }[e.kind];
  const extra = [
    d.keyword ? `“${d.keyword}”` : '',
    d.code ? `(code ${d.code})` : '',
    d.until ? `until ${new Date(d.until).toLocaleString()}` : '',
    d.reason ? `— ${d.reason}` : '',
  ].filter(Boolean);
  return [what, SOURCES[e.source], ...extra].join(' ');
}
