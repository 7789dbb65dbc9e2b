import { parseSseChunk } from './sse.util';

describe('parseSseChunk', () => {
  it('parses complete events and keeps the incomplete tail for the next chunk', () => {
    const first = parseSseChunk('', 'event: message\ndata: {"a":1}\n\nevent: sta');
    expect(first.events).toEqual([{ event: 'message', data: '{"a":1}' }]);
    const second = parseSseChunk(first.rest, 'tus\ndata: {"b":2}\n\n');
    expect(second).toEqual({ events: [{ event: 'status', data: '{"b":2}' }], rest: '' });
  });

  it('joins data lines, ignores comments and handles CRLF', () => {
    expect(parseSseChunk('', ': hi\r\ndata: x\r\ndata: y\r\n\r\n').events).toEqual([{ event: 'message', data: 'x\ny' }]);
  });
});
