/// <reference types="multer" />
import { Body, Controller, HttpCode, Param, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { checkMediaUpload, MAX_MEDIA_BYTES } from '@tandem/whatsapp';
import { SimStateService } from '../state/sim-state.service';
import { GraphAuthGuard } from './graph-auth.guard';
import { GraphError, unknownObjectError } from './graph-error';

/** `POST /{phone-number-id}/media`: a business uploads a file to send later by id (kept 30 days). */
@ApiTags('Graph API (simulated Meta)')
@ApiBearerAuth()
@ApiParam({ name: 'version', example: 'v23.0' })
@UseGuards(GraphAuthGuard)
@Controller()
export class GraphMediaController {
  constructor(private readonly state: SimStateService) {}

  @Post(':version/:phoneNumberId/media')
  @HttpCode(200)
  @ApiOperation({ summary: "Upload media (multipart: messaging_product, type, file) within Meta's type and size limits" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['messaging_product', 'file'],
      properties: {
        messaging_product: { type: 'string', enum: ['whatsapp'] },
        type: { type: 'string' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_MEDIA_BYTES, files: 1 } }))
  upload(
    @Param('phoneNumberId') phoneNumberId: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, unknown> | undefined,
  ): { id: string } {
    if (!this.state.numbers.has(phoneNumberId)) throw unknownObjectError(phoneNumberId);
    if (body?.messaging_product !== 'whatsapp') throw new GraphError(100, 'messaging_product must be "whatsapp".');
    if (!file) throw new GraphError(100, 'The parameter file is required.');
    const mimeType = typeof body.type === 'string' && body.type ? body.type : file.mimetype;
    const check = checkMediaUpload(mimeType, file.size);
    if (!check.ok) throw new GraphError(131053, `Media upload error: ${check.message}.`);
    return { id: this.state.addUploadedMedia(phoneNumberId, file.buffer, check.mimeType, file.originalname).id };
  }
}
