import { Body, Controller, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createWorkspaceRequestSchema,
  updateWorkspaceRequestSchema,
  workspaceMembershipSchema,
  workspaceSettingsSchema,
} from '@tandem/api-contract';
import { z } from 'zod';
import { ApiZodBody, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { AccountsService } from './accounts.service';
import { CurrentCaller } from './caller.decorator';
import type { Caller } from './caller.types';
import { ANY_MEMBER, RequirePermission } from './permission.decorator';
import { WorkspacesService } from './workspaces.service';

/** Creating a workspace, and the current workspace's settings. */
@ApiTags('workspaces')
@Controller('api')
export class WorkspacesController {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly accounts: AccountsService,
  ) {}

  @Post('workspaces')
  @RequirePermission(ANY_MEMBER)
  @HttpCode(201)
  @ApiOperation({ summary: 'Creates a workspace; the signed-in person becomes its admin (not for API tokens)' })
  @ApiZodBody(createWorkspaceRequestSchema)
  @ApiZodResponse(201, workspaceMembershipSchema, 'The new workspace')
  create(@CurrentCaller() caller: Caller, @Body(new ZodPipe(createWorkspaceRequestSchema)) body: { name: string }) {
    const userId = this.accounts.personOf(caller);
    return this.workspaces.create({ ...caller, userId }, body.name);
  }

  @Patch('workspace')
  @RequirePermission('workspace.manage')
  @ApiOperation({ summary: "Changes the current workspace's name or time zone" })
  @ApiZodBody(updateWorkspaceRequestSchema)
  @ApiZodResponse(200, workspaceSettingsSchema, 'The workspace')
  update(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(updateWorkspaceRequestSchema)) body: z.infer<typeof updateWorkspaceRequestSchema>,
  ) {
    return this.workspaces.update(caller, body);
  }
}
