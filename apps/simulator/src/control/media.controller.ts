import { Controller, Get, NotFoundException, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({
    summary:
      'Media bytes (the `url` of GET /{media-id}); needs the same bearer token, like Meta. 404 once the URL (5 min) or the id expired',
  })
  @ApiQuery({ name: 'expires', required: false, description: 'Expiry of the URL (epoch ms), set by the simulator' })
  bytes(@Param('mediaId') mediaId: string, @Query('expires') expires: string | undefined, @Res() response: Response): void {
    const media = this.state.media.get(mediaId);
    if (!media || media.expired) throw new NotFoundException(`unknown media ${mediaId}`);
    if (expires !== undefined && !(Number(expires) > Date.now())) throw new NotFoundException(`the URL of media ${mediaId} expired`);
    const bytes = media.corrupt ? Buffer.concat([media.bytes, Buffer.from('\0')]) : media.bytes;
    response.status(200).type(media.mimeType).send(bytes);
  }
}
