/// <reference types="multer" />
import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  listMediaQuerySchema,
  mediaFileSchema,
  uploadMediaFieldsSchema,
  type ListMediaQuery,
  type MediaFileDto,
} from '@tandem/api-contract';
import { MAX_MEDIA_BYTES } from '@tandem/whatsapp';
import type { Response } from 'express';
import { z } from 'zod';
import { CurrentCaller } from '../auth/caller.decorator';
import type { Caller } from '../auth/caller.types';
import { RequirePermission } from '../auth/permission.decorator';
import { errorSchema } from '../common/common.dto';
import { ApiZodQuery, ApiZodResponse } from '../common/openapi.util';
import { ZodPipe } from '../common/zod.pipe';
import { mediaHeaders } from './media-headers.util';
import { MediaService } from './media.service';

/** Media files: received media once downloaded, and uploads for `core.send-media@1` (docs/media.md). */
@ApiTags('media')
@Controller('api/media')
export class MediaController {
  constructor(private readonly media: MediaService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Media files of this workspace, newest first (the send-media picker lists uploads of a number)' })
  @ApiZodQuery(listMediaQuerySchema)
  @ApiZodResponse(200, z.object({ items: z.array(mediaFileSchema) }), 'Media files')
  async list(
    @CurrentCaller() caller: Caller,
    @Query(new ZodPipe(listMediaQuerySchema)) q: ListMediaQuery,
  ): Promise<{ items: MediaFileDto[] }> {
    return { items: await this.media.list(caller, q) };
  }

  @Post()
  @RequirePermission('media.upload')
  @ApiOperation({ summary: "Uploads a file to a number for sends (multipart: numberId, file), within Meta's type and size limits" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['numberId', 'file'],
      properties: { numberId: { type: 'string', format: 'uuid' }, file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiZodResponse(201, mediaFileSchema, 'The uploaded media, with the media id to send')
  @ApiZodResponse(413, errorSchema, 'Larger than WhatsApp allows for its type')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_MEDIA_BYTES, files: 1, fields: 5 } }))
  upload(
    @CurrentCaller() caller: Caller,
    @Body(new ZodPipe(uploadMediaFieldsSchema)) fields: { numberId: string },
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<MediaFileDto> {
    return this.media.upload(caller, fields.numberId, file);
  }

  @Get(':id/info')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'A media file: state (pending, stored, not available, failed with the reason), type, size' })
  @ApiZodResponse(200, mediaFileSchema, 'The media file')
  @ApiZodResponse(404, errorSchema, 'No such media in this workspace')
  info(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string): Promise<MediaFileDto> {
    return this.media.get(caller, id);
  }

  @Get(':id')
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'The bytes of a stored media file (409 while downloading, 410 when not available or failed)' })
  @ApiProduces('application/octet-stream')
  @ApiZodResponse(404, errorSchema, 'No such media in this workspace')
  async bytes(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response): Promise<void> {
    const { file, stream } = await this.media.open(caller, id);
    res.status(200).set(mediaHeaders(file));
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}
