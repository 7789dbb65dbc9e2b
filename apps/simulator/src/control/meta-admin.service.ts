import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { newNumericId } from '../common/ids.util';
import { SimStateService } from '../state/sim-state.service';
import type { SimContact, SimNumber, SimTemplate, StagedThread } from '../state/sim-state.types';
import { createTemplateSchema } from '../state/template.schema';
import { createContactSchema, createNumberSchema, HistoryThreadInput, templateStatusSchema } from './meta.schemas';

const DAY = 24 * 60 * 60 * 1000;

/** Threads of the control API (ages in days or unix seconds) → staged threads (ms). */
export function toStagedThreads(threads: HistoryThreadInput[], onboardedAt: number): StagedThread[] {
  return threads.map((thread) => ({
    waId: thread.waId,
    userId: thread.userId,
    messages: thread.messages.map((m) => ({
      direction: m.direction,
      type: m.type,
      text: m.text,
      caption: m.caption,
      status: m.status,
      at: m.timestamp !== undefined ? m.timestamp * 1000 : onboardedAt - (m.daysBeforeOnboarding ?? 0) * DAY,
    })),
  }));
}

/** Meta-side administration: numbers, templates and contacts created through the control API. */
@Injectable()
export class MetaAdminService {
  constructor(private readonly state: SimStateService) {}

  createNumber(input: z.infer<typeof createNumberSchema>): SimNumber {
    if (this.state.numbers.has(input.phoneNumberId)) throw new ConflictException(`phone number ${input.phoneNumberId} already exists`);
    const onboardedAt = input.onboardedAt ? Date.parse(input.onboardedAt) : Date.now();
    return this.state.addNumber({ ...input, onboardedAt, stagedHistory: toStagedThreads(input.history, onboardedAt) });
  }

  createTemplate(input: z.infer<typeof createTemplateSchema>): SimTemplate {
    const clash = this.state.templatesOf(input.wabaId).find((t) => t.name === input.name && t.language === input.language);
    if (clash) throw new ConflictException(`template ${input.name} (${input.language}) already exists as ${clash.id}`);
    if (input.id && this.state.templates.has(input.id)) throw new ConflictException(`template id ${input.id} already exists`);
    return this.state.addTemplate({ ...input, id: input.id ?? newNumericId(16) });
  }

  createContact(input: z.infer<typeof createContactSchema>): SimContact {
    return this.state.upsertContact(input);
  }

  requireNumber(phoneNumberId: string): SimNumber {
    const number = this.state.numbers.get(phoneNumberId);
    if (!number) throw new NotFoundException(`unknown phoneNumberId ${phoneNumberId}`);
    return number;
  }

  findTemplate(input: z.infer<typeof templateStatusSchema>): SimTemplate {
    if (input.templateId) {
      const byId = this.state.templates.get(input.templateId);
      if (!byId) throw new NotFoundException(`unknown template id ${input.templateId}`);
      return byId;
    }
    const matches = [...this.state.templates.values()].filter(
      (t) => t.name === input.name && t.language === input.language && (input.wabaId === undefined || t.wabaId === input.wabaId),
    );
    if (matches.length === 0) throw new NotFoundException(`no template ${input.name} (${input.language})`);
    if (matches.length > 1)
      throw new BadRequestException(`template ${input.name} (${input.language}) exists in several WABAs; give wabaId`);
    return matches[0];
  }
}
