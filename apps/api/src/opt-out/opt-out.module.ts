import { Module } from '@nestjs/common';
import { OptOutController } from './opt-out.controller';
import { OptOutService } from './opt-out.service';

/** Opt-outs seen and changed by people: history, undo, opt-out on request, keywords and confirmations. */
@Module({
  controllers: [OptOutController],
  providers: [OptOutService],
})
export class OptOutModule {}
