/** One server-sent event: its `event:` name (default `message`) and `data:` lines joined. */
export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Splits an event-stream text chunk sequence into events: feed each chunk with the text left
 * over from the previous call; returns the complete events and the new leftover.
 */
export function parseSseChunk(pending: string, chunk: string): { events: SseEvent[]; rest: string } {
  const text = (pending + chunk).replace(/\r\n/g, '\n');
  const blocks = text.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    return data.length || event !== 'message' ? [{ event, data: data.join('\n') }] : [];
  });
  return { events, rest };
}
