import { ApiToken } from './api-token.entity';
import { AuditEntry } from './audit-entry.entity';
import { PasswordReset } from './password-reset.entity';
import { Secret } from './secret.entity';
import { MediaFile } from './media-file.entity';
import { Session } from './session.entity';
import { User } from './user.entity';
import { WorkspaceMember } from './workspace-member.entity';
import { BusinessNumber } from './business-number.entity';
import { Campaign } from './campaign.entity';
import { Contact } from './contact.entity';
import { DomainEvent } from './domain-event.entity';
import { Journey } from './journey.entity';
import { JourneyRun } from './journey-run.entity';
import { JourneyVersion } from './journey-version.entity';
import { Message } from './message.entity';
import { MessageStatusEvent } from './message-status-event.entity';
import { OutboxSend } from './outbox-send.entity';
import { ProcessedEvent } from './processed-event.entity';
import { RunStep } from './run-step.entity';
import { Template } from './template.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { Workspace } from './workspace.entity';

export * from './business-number.entity';
export * from './campaign.entity';
export * from './contact.entity';
export * from './domain-event.entity';
export * from './journey.entity';
export * from './journey-run.entity';
export * from './journey-version.entity';
export * from './message.entity';
export * from './message-status-event.entity';
export * from './outbox-send.entity';
export * from './processed-event.entity';
export * from './run-step.entity';
export * from './template.entity';
export * from './webhook-delivery.entity';
export * from './workspace.entity';
export * from './api-token.entity';
export * from './audit-entry.entity';
export * from './password-reset.entity';
export * from './secret.entity';
export * from './media-file.entity';
export * from './session.entity';
export * from './user.entity';
export * from './workspace-member.entity';

/** Every TypeORM entity of Tandem, registered with the data source. */
export const entities = [
  Workspace,
  BusinessNumber,
  Contact,
  Message,
  MessageStatusEvent,
  Template,
  WebhookDelivery,
  ProcessedEvent,
  DomainEvent,
  Journey,
  JourneyVersion,
  JourneyRun,
  RunStep,
  OutboxSend,
  Campaign,
  User,
  WorkspaceMember,
  Session,
  ApiToken,
  PasswordReset,
  AuditEntry,
  Secret,
  MediaFile,
];
