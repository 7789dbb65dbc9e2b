import { Injectable, NotFoundException } from '@nestjs/common';
import type { MediaFileDto } from '@tandem/api-contract';
import { Contact, Message } from '@tandem/db';
import { isWindowOpen } from '@tandem/whatsapp';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import type { ContactDto, ListContactsQuery, MessageDto } from './contacts.dto';
import { toIso } from '../common/sql.util';
import { mediaOfMessages } from '../media/media-dto.util';

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Contacts and their messages, always within the caller's workspace. */
@Injectable()
export class ContactsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Most recently active first. `windowOpen` is judged against the clock of this request. */
  async list(caller: Caller, q: ListContactsQuery): Promise<Page<ContactDto>> {
    const now = new Date();
    const qb = this.dataSource
      .getRepository(Contact)
      .createQueryBuilder('c')
      .where('c.workspaceId = :workspaceId', { workspaceId: caller.workspaceId })
      .andWhere('c.erasedAt IS NULL');
    if (q.numberId) qb.andWhere('c.numberId = :numberId', { numberId: q.numberId });
    if (q.search) {
      qb.andWhere('(c.profileName ILIKE :s OR c.addressBookName ILIKE :s OR c.username ILIKE :s OR c.waId ILIKE :s OR c.userId ILIKE :s)', {
        s: `%${q.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
      });
    }
    if (q.tag) qb.andWhere(':tag = ANY(c.tags)', { tag: q.tag });
    if (q.windowOpen === true) qb.andWhere('c.windowOpenUntil > :now', { now });
    if (q.windowOpen === false) qb.andWhere('(c.windowOpenUntil IS NULL OR c.windowOpenUntil <= :now)', { now });
    const [rows, total] = await qb
      .orderBy('c.lastInboundAt', 'DESC', 'NULLS LAST')
      .addOrderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return { items: rows.map((c) => toContactDto(c, now)), page: q.page, pageSize: q.pageSize, total };
  }

  /** Another workspace's contact answers 404 like a missing one. */
  async get(caller: Caller, id: string): Promise<ContactDto> {
    const contact = await this.dataSource.getRepository(Contact).findOneBy({ id, workspaceId: caller.workspaceId });
    if (!contact || contact.erasedAt) throw new NotFoundException(`No contact ${id}`);
    return toContactDto(contact, new Date());
  }

  /** The conversation, newest first: inbound, API sends and app echoes, live and history. */
  async messages(caller: Caller, contactId: string, page: number, pageSize: number): Promise<Page<MessageDto>> {
    await this.get(caller, contactId);
    const [rows, total] = await this.dataSource.getRepository(Message).findAndCount({
      where: { contactId, workspaceId: caller.workspaceId },
      order: { metaTimestamp: 'DESC', createdAt: 'DESC', id: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    const media = await mediaOfMessages(
      this.dataSource.manager,
      caller.workspaceId,
      rows.map((r) => r.id),
    );
    return { items: rows.map((r) => toMessageDto(r, media.get(r.id) ?? null)), page, pageSize, total };
  }
}

function toContactDto(c: Contact, now: Date): ContactDto {
  return {
    id: c.id,
    workspaceId: c.workspaceId,
    numberId: c.numberId,
    waId: c.waId,
    userId: c.userId,
    username: c.username,
    profileName: c.profileName,
    addressBookName: c.addressBookName,
    inAddressBook: c.inAddressBook,
    attributes: c.attributes,
    tags: c.tags,
    optedOut: c.optedOut,
    marketingOptedOut: c.marketingOptedOut,
    marketingHeldUntil: toIso(c.marketingHeldUntil),
    humanOwned: c.humanOwned,
    humanOwnedAt: toIso(c.humanOwnedAt),
    ownership: c.ownership,
    ownerKind: c.ownerKind,
    ownerUserId: c.ownerUserId,
    lastHumanMessageAt: toIso(c.lastHumanMessageAt),
    lastInboundAt: toIso(c.lastInboundAt),
    firstInboundAt: toIso(c.firstInboundAt),
    windowOpenUntil: toIso(c.windowOpenUntil),
    windowOpen: isWindowOpen(c.windowOpenUntil?.getTime() ?? null, now.getTime()),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

function toMessageDto(m: Message, media: MediaFileDto | null): MessageDto {
  return {
    id: m.id,
    wamid: m.wamid,
    direction: m.direction,
    source: m.source,
    type: m.type,
    payload: m.payload,
    contextWamid: m.contextWamid,
    metaTimestamp: m.metaTimestamp.toISOString(),
    status: m.status,
    statusTimeline: m.statusTimeline,
    error: m.errorCode === null && m.errorTitle === null ? null : { code: m.errorCode, title: m.errorTitle },
    pricing: m.pricingCategory === null && m.pricingType === null ? null : { category: m.pricingCategory, type: m.pricingType },
    editedAt: toIso(m.editedAt),
    edit: m.edit,
    revokedAt: toIso(m.revokedAt),
    mediaPlaceholder: m.mediaPlaceholder,
    media,
    journeyRunId: m.journeyRunId,
    journeyNodeId: m.journeyNodeId,
    createdAt: m.createdAt.toISOString(),
  };
}
