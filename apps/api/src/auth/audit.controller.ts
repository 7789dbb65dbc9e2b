import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { auditPageSchema, auditQuerySchema, type AuditQuery } from '@tandem/api-contract';
import { ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { AUDIT_ACTIONS, AuditService } from './audit.service';
import { CurrentCaller } from './caller.decorator';
import type { Caller } from './caller.types';
import { RequirePermission } from './permission.decorator';
import { z } from 'zod';

/** The workspace's audit log (admins). */
@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Who did what, when and from where; newest first, filtered, paged by cursor' })
  @ApiZodQuery(auditQuerySchema)
  @ApiZodResponse(200, auditPageSchema, 'A page of entries')
  list(@CurrentCaller() caller: Caller, @Query(new ZodPipe(auditQuerySchema)) q: AuditQuery) {
    return this.audit.list(caller.workspaceId, q);
  }

  @Get('actions')
  @RequirePermission('audit.read')
  @ApiOperation({ summary: 'Every action the audit log records (for filters)' })
  @ApiZodResponse(200, z.object({ items: z.array(z.string()) }), 'Action names')
  actions(): { items: string[] } {
    return { items: [...AUDIT_ACTIONS] };
  }
}
