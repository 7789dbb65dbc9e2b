import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  apiErrorSchema,
  contactErasureSchema,
  contactImportReportSchema,
  updateContactRequestSchema,
  type ContactErasureDto,
  type ContactImportReportDto,
  type UpdateContactRequest,
} from '@tandem/api-contract';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { uuidParam } from '../common/common.dto';
import { ApiZodBody, ApiZodParam, ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { CONTACTS_CSV_MAX_BYTES } from './contact-csv.util';
import { contactSchema, type ContactDto } from './contacts.dto';
import { ContactsAdminService } from './contacts-admin.service';
import { ContactsService } from './contacts.service';

const numberQuery = z.object({ numberId: z.uuid().optional() });

/**
 * Contacts changed by people. Registered before `ContactsController`, so that
 * `/api/contacts/export` is not taken for a contact id.
 */
@ApiTags('contacts')
@Controller('api/contacts')
export class ContactsAdminController {
  constructor(
    private readonly admin: ContactsAdminService,
    private readonly contacts: ContactsService,
  ) {}

  @Get('export')
  @RequirePermission('contacts.export')
  @ApiOperation({ summary: 'Every contact of the workspace (or of one number) as CSV, import columns first (audited)' })
  @ApiZodQuery(numberQuery)
  @ApiProduces('text/csv')
  async export(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(numberQuery)) q: z.infer<typeof numberQuery>,
    @Res() res: Response,
  ): Promise<void> {
    const csv = await this.admin.export(caller, q.numberId);
    res.status(200).type('text/csv; charset=utf-8').attachment('contacts.csv').send(csv);
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission('contacts.write')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: CONTACTS_CSV_MAX_BYTES, files: 1 } }))
  @ApiOperation({
    summary:
      'Imports a CSV (multipart field `file`, or a text/csv body): phone, user_id, name, tags (a;b), other columns as attributes. Good rows are imported, each bad row reported with its line and reason',
  })
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiZodQuery(numberQuery)
  @ApiZodResponse(200, contactImportReportSchema, 'The import report')
  @ApiZodResponse(400, apiErrorSchema, 'No file, not a CSV, no phone column, or several numbers and no numberId')
  import(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(numberQuery)) q: z.infer<typeof numberQuery>,
    @UploadedFile() file: { buffer: Buffer } | undefined,
    @Body() body: unknown,
  ): Promise<ContactImportReportDto> {
    const text = file ? file.buffer.toString('utf8') : typeof body === 'string' ? body : undefined;
    if (text === undefined) throw new BadRequestException('Send the CSV as a multipart field "file" or as a text/csv body');
    return this.admin.import(caller, text, q.numberId);
  }

  @Patch(':id')
  @RequirePermission('conversations.write')
  @ApiOperation({ summary: "Replaces a contact's tags (agents and up) and merges its attributes (marketers and up; null removes a key)" })
  @ApiZodParam('id', uuidParam)
  @ApiZodBody(updateContactRequestSchema)
  @ApiZodResponse(200, contactSchema, 'The contact')
  @ApiZodResponse(400, apiErrorSchema, 'Invalid body')
  @ApiZodResponse(403, apiErrorSchema, 'Attributes need contacts.write')
  @ApiZodResponse(404, apiErrorSchema, 'No such contact')
  async update(
    @CurrentCaller() caller: Caller,
    @Param('id', new ZodPipe(uuidParam)) id: string,
    @Body(new ZodPipe(updateContactRequestSchema)) body: UpdateContactRequest,
  ): Promise<ContactDto> {
    await this.admin.update(caller, id, body);
    return this.contacts.get(caller, id);
  }

  @Delete(':id')
  @RequirePermission('contacts.erase')
  @ApiOperation({ summary: 'Erases a contact on request: identity removed, messages and run data redacted; audited without personal data' })
  @ApiZodParam('id', uuidParam)
  @ApiZodResponse(200, contactErasureSchema, 'What was redacted, in counts')
  @ApiZodResponse(404, apiErrorSchema, 'No such contact')
  erase(@CurrentCaller() caller: Caller, @Param('id', new ZodPipe(uuidParam)) id: string): Promise<ContactErasureDto> {
    return this.admin.erase(caller, id);
  }
}
