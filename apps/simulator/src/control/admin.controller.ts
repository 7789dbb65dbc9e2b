import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { BehaviourService } from '../common/behaviour.service';
import { openApi, parseInput } from '../common/zod-http.util';
import { behaviourPatchSchema, SimulatorBehaviour } from '../simulator-options.types';
import { idleQuerySchema, resetSchema } from './inspection.schemas';
import { SimulatorAdminService } from './simulator-admin.service';

@ApiTags('Simulator: admin')
@Controller('_sim')
export class AdminController {
  constructor(
    private readonly admin: SimulatorAdminService,
    private readonly behaviour: BehaviourService,
  ) {}

  @Post('reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Empty all state, ledgers and pending webhooks; optionally load the demo seed' })
  @ApiBody({ schema: openApi(resetSchema), required: false })
  reset(@Body() body: unknown): { reset: true } {
    this.admin.reset(parseInput(resetSchema, body));
    return { reset: true };
  }

  @Get('config')
  @ApiOperation({ summary: 'Current behaviour knobs' })
  config(): SimulatorBehaviour {
    return this.behaviour.current;
  }

  @Post('config')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change behaviour: delays, fail/read/duplicate rates, out-of-order, retries, pair rate, callback URL' })
  @ApiBody({ schema: openApi(behaviourPatchSchema) })
  updateConfig(@Body() body: unknown): SimulatorBehaviour {
    return this.behaviour.update(parseInput(behaviourPatchSchema, body));
  }

  @Get('stats')
  @ApiOperation({ summary: 'Counters: sends accepted/refused per error code, async failures, webhook attempts per response code' })
  stats(): Record<string, unknown> {
    return this.admin.stats();
  }

  @Get('idle')
  @ApiOperation({ summary: 'Waits until no status is scheduled and no webhook is pending (or the timeout passes)' })
  @ApiQuery({ name: 'timeoutMs', required: false, type: Number })
  async idle(@Query() query: unknown): Promise<{ idle: boolean }> {
    const { timeoutMs } = parseInput(idleQuerySchema, query, 'query');
    return { idle: await this.admin.waitIdle(timeoutMs) };
  }
}
