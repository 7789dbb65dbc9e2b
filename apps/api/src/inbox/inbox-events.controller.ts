import { Controller, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { defer, interval, map, merge, mergeMap, type Observable } from 'rxjs';
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
      "Server-sent events of the caller's workspace: `message`, `status` and `conversation` changes (which conversation; refetch it)",
  })
  stream(@CurrentCaller() caller: Caller): Observable<MessageEvent> {
    const changes = defer(() => this.events.stream(caller.workspaceId)).pipe(
      mergeMap((o) => o),
      map((data): MessageEvent => ({ type: data.kind, data })),
    );
    return merge(changes, interval(KEEPALIVE_MS).pipe(map((): MessageEvent => ({ type: 'keepalive', data: '' }))));
  }
}
