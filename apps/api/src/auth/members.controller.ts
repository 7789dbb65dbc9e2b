import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  addMemberRequestSchema,
  addMemberResponseSchema,
  changeRoleRequestSchema,
  memberSchema,
  passwordResetLinkSchema,
  type AddMemberRequest,
  type MemberDto,
  type PasswordResetLinkDto,
  type Role,
} from '@tandem/api-contract';
import { z } from 'zod';
import { errorSchema, uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { CurrentCaller } from './caller.decorator';
import type { Caller } from './caller.types';
import { MembersService } from './members.service';
import { RequirePermission } from './permission.decorator';

/** Members of the current workspace and their roles (admins). */
@ApiTags('members')
@Controller('api/members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Get()
  @RequirePermission('members.manage')
  @ApiOperation({ summary: 'Members of this workspace with their roles' })
  @ApiZodResponse(200, z.object({ items: z.array(memberSchema) }), 'Members, oldest first')
  async list(@CurrentCaller() caller: Caller): Promise<{ items: MemberDto[] }> {
    return { items: await this.members.list(caller) };
  }

  @Post()
  @RequirePermission('members.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'Adds a person by email with a role; a new account comes with a one-time link to set its password' })
  @ApiZodBody(addMemberRequestSchema)
  @ApiZodResponse(201, addMemberResponseSchema, 'The member (and the link for a new account)')
  @ApiZodResponse(409, errorSchema, 'Already a member')
  add(@CurrentCaller() caller: Caller, @Body(new ZodPipe(addMemberRequestSchema)) body: AddMemberRequest) {
    return this.members.add(caller, body);
  }

  @Patch(':userId')
  @RequirePermission('members.manage')
  @ApiOperation({ summary: "Changes a member's role (the last admin stays admin)" })
  @ApiZodParam('userId', uuidParam)
  @ApiZodBody(changeRoleRequestSchema)
  @ApiZodResponse(200, memberSchema, 'The member')
  @ApiZodResponse(409, errorSchema, 'That would leave the workspace without an admin')
  changeRole(
    @CurrentCaller() caller: Caller,
    @Param('userId', new ZodPipe(uuidParam)) userId: string,
    @Body(new ZodPipe(changeRoleRequestSchema)) body: { role: Role },
  ): Promise<MemberDto> {
    return this.members.changeRole(caller, userId, body.role);
  }

  @Delete(':userId')
  @RequirePermission('members.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a member from this workspace (the account stays)' })
  @ApiZodParam('userId', uuidParam)
  @ApiZodResponse(409, errorSchema, 'That would leave the workspace without an admin')
  async remove(@CurrentCaller() caller: Caller, @Param('userId', new ZodPipe(uuidParam)) userId: string): Promise<void> {
    await this.members.remove(caller, userId);
  }

  @Post(':userId/password-link')
  @RequirePermission('members.manage')
  @HttpCode(201)
  @ApiOperation({ summary: 'A one-time link for the member to set a new password (hand it over; no mail is sent)' })
  @ApiZodParam('userId', uuidParam)
  @ApiZodResponse(201, passwordResetLinkSchema, 'The link')
  passwordLink(@CurrentCaller() caller: Caller, @Param('userId', new ZodPipe(uuidParam)) userId: string): Promise<PasswordResetLinkDto> {
    return this.members.passwordLink(caller, userId);
  }
}
