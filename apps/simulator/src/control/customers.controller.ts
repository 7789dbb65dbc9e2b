import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApi, parseInput } from '../common/zod-http.util';
import { businessEditSchema, businessMessageSchema, customerMessageSchema } from './customer.schemas';
import { BusinessAppService, EchoResult } from './business-app.service';
import { CustomerMessageResult, CustomerService } from './customer.service';

@ApiTags('Simulator: customer')
@Controller('_sim/customers')
export class CustomersController {
  constructor(private readonly customers: CustomerService) {}

  @Post('messages')
  @HttpCode(200)
  @ApiOperation({ summary: 'A customer sends a message to a number → `messages` webhook (refreshes the window)' })
  @ApiBody({ schema: openApi(customerMessageSchema) })
  send(@Body() body: unknown): CustomerMessageResult {
    return this.customers.receive(parseInput(customerMessageSchema, body));
  }
}

@ApiTags('Simulator: business phone app')
@Controller('_sim/business/messages')
export class BusinessAppController {
  constructor(private readonly app: BusinessAppService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'A teammate sends from the WhatsApp Business app → `smb_message_echoes`' })
  @ApiBody({ schema: openApi(businessMessageSchema) })
  send(@Body() body: unknown): EchoResult {
    return this.app.send(parseInput(businessMessageSchema, body));
  }

  @Post(':wamid/edit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Edit an earlier app message → echo of type `edit`' })
  @ApiBody({ schema: openApi(businessEditSchema) })
  edit(@Body() body: unknown, @Param('wamid') wamid: string): EchoResult {
    return this.app.edit(wamid, parseInput(businessEditSchema, body).text);
  }

  @Post(':wamid/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete an earlier app message for everyone → echo of type `revoke`' })
  revoke(@Param('wamid') wamid: string): EchoResult {
    return this.app.revoke(wamid);
  }
}
