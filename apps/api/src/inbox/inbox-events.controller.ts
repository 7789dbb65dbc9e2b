import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { defer, interval, map, merge, mergeMap, of, type Observable } from 'rxjs';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { InboxEventsService } from './inbox-events.service';

/** Keeps idle streams open through proxies that close silent connections. */
const KEEPALIVE_MS = 25_000;

@ApiTags('inbox')
@Controller('api/inbox')
export class InboxEventsController {
  constructor(private readonly events: InboxEventsService) {}

  @Sse('events')
  @RequirePermission('workspace.read')
  @ApiProduces('text/event-stream')
  @ApiOperation({
    summary:
      "Server-sent events of the caller's workspace: `ready` once subscribed, then `message`, `status` and `conversation` changes (which conversation; refetch it)",
  })
  stream(@CurrentCaller() caller: Caller): Observable<MessageEvent> {
    // `ready` once this stream is subscribed: changes from then on are delivered, so a client
    // that (re)loads its data on `ready` misses nothing.
    const changes = defer(() => this.events.stream(caller.workspaceId)).pipe(
      mergeMap((o) =>
        merge(o.pipe(map((data): MessageEvent => ({ type: data.kind, data }))), of<MessageEvent>({ type: 'ready', data: {} })),
      ),
    );
    return merge(changes, interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: '' }))));
  }
}
