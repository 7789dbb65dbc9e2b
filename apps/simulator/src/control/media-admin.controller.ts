import { Controller, Get, HttpCode, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SimStateService } from '../state/sim-state.service';
import type { SimMedia } from '../state/sim-state.types';

/** Inspect and age media objects: what a business uploaded, ids past their lifetime, broken transfers. */
@ApiTags('Simulator: media')
@Controller('_sim/meta/media')
export class MediaAdminController {
  constructor(private readonly state: SimStateService) {}

  @Get(':mediaId')
  @ApiOperation({ summary: 'A media object: type, sha256, size, whether uploaded, expired or corrupt' })
  get(@Param('mediaId') mediaId: string): Record<string, unknown> {
    return view(this.find(mediaId));
  }

  @Post(':mediaId/expire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Expire a media id (as after its 7 / 30 days): GET /{media-id} fails and every URL answers 404' })
  expire(@Param('mediaId') mediaId: string): Record<string, unknown> {
    const media = this.find(mediaId);
    media.expired = true;
    return view(media);
  }

  @Post(':mediaId/corrupt')
  @HttpCode(200)
  @ApiOperation({ summary: 'Serve bytes that do not match the announced sha256 (a broken transfer)' })
  corrupt(@Param('mediaId') mediaId: string): Record<string, unknown> {
    const media = this.find(mediaId);
    media.corrupt = true;
    return view(media);
  }

  private find(mediaId: string): SimMedia {
    const media = this.state.media.get(mediaId);
    if (!media) throw new NotFoundException(`unknown media ${mediaId}`);
    return media;
  }
}

function view(media: SimMedia): Record<string, unknown> {
  return {
    id: media.id,
    mimeType: media.mimeType,
    sha256: media.sha256,
    size: media.bytes.length,
    upload: media.upload ? { ...media.upload, at: new Date(media.upload.at).toISOString() } : null,
    expired: media.expired ?? false,
    corrupt: media.corrupt ?? false,
  };
}
