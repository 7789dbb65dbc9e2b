import { Controller, Get, NotFoundException, Param, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GraphAuthGuard } from '../graph/graph-auth.guard';
import { SimStateService } from '../state/sim-state.service';

@ApiTags('Simulator: media')
@ApiBearerAuth()
@UseGuards(GraphAuthGuard)
@Controller('_sim/media')
export class MediaController {
  constructor(private readonly state: SimStateService) {}

  @Get(':mediaId/bytes')
  @ApiOperation({ summary: 'Media bytes (the `url` of GET /{media-id}); needs the same bearer token, like Meta' })
  bytes(@Param('mediaId') mediaId: string, @Res() response: Response): void {
    const media = this.state.media.get(mediaId);
    if (!media) throw new NotFoundException(`unknown media ${mediaId}`);
    response.status(200).type(media.mimeType).send(media.bytes);
  }
}
