import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { ApiZodResponse } from '../common/openapi.util';

const assigneesSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })) });

/** Who a conversation can be assigned to: agents and up (a viewer cannot reply). */
@ApiTags('inbox')
@Controller('api/inbox/assignees')
export class InboxMembersController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Members a conversation may be assigned to (agents and up), by name' })
  @ApiZodResponse(200, assigneesSchema, 'Members')
  async list(@CurrentCaller() caller: Caller): Promise<z.infer<typeof assigneesSchema>> {
    const items: { id: string; name: string; role: string }[] = await this.ds.query(
      `SELECT u.id, coalesce(nullif(u.name, ''), u.email) AS name, m.role FROM workspace_members m JOIN users u ON u.id = m.user_id
       WHERE m.workspace_id = $1 AND m.role <> 'viewer' ORDER BY 2`,
      [caller.workspaceId],
    );
    return { items };
  }
}
