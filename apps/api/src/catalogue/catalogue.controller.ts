import { RequirePermission } from '../auth/permission.decorator';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { catalogueResponseSchema, type NodeSpecDto } from '@tandem/api-contract';
import { ApiZodResponse } from '../common/openapi.util';
import { CatalogueService } from './catalogue.service';

@ApiTags('catalogue')
@Controller('api/catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @RequirePermission('workspace.read')
  @ApiOperation({ summary: 'Every node type: flow control, built-in and custom nodes, with config JSON Schema, ports and source package' })
  @ApiZodResponse(200, catalogueResponseSchema, 'The node catalogue')
  list(): { nodes: NodeSpecDto[] } {
    return { nodes: this.catalogue.specs() };
  }
}
