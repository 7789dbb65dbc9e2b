import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { ContactErasureDto, ContactImportReportDto, UpdateContactRequest } from '@tandem/api-contract';
import { Contact } from '@tandem/db';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import type { Caller } from '../auth/caller.types';
import { queryRows } from '../common/sql.util';
import { contactsToCsv, CsvFileError, type ExportContact, parseContactsCsv } from './contact-csv.util';
import { eraseContact } from './contact-erase.util';

/**
 * Contacts changed by people: tags and attributes, CSV import and export, erasure on request.
 * Each change is audited in its transaction; another workspace's contact is a 404; erased
 * contacts are gone for every route.
 */
@Injectable()
export class ContactsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Tags (agents and up) replace the list; attributes (marketers and up) merge, `null` removing a key. */
  async update(caller: Caller, id: string, input: UpdateContactRequest): Promise<void> {
    if (input.attributes && !caller.permissions.has('contacts.write')) {
      throw new ForbiddenException('Changing attributes needs the contacts.write permission (marketer and up)');
    }
    await this.dataSource.transaction(async (m) => {
      const contact = await this.lock(m, caller, id);
      const tags = input.tags ? [...new Set(input.tags)] : contact.tags;
      const attributes = { ...contact.attributes };
      for (const [k, v] of Object.entries(input.attributes ?? {})) {
        if (v === null) delete attributes[k];
        else attributes[k] = v;
      }
      await m.query(`UPDATE contacts SET tags = $2, attributes = $3, updated_at = now() WHERE id = $1`, [id, tags, attributes]);
      await this.audit.record(m, caller, {
        action: 'contact.changed',
        targetType: 'contact',
        targetId: id,
        before: { tags: contact.tags, attributes: input.attributes ? contact.attributes : undefined },
        after: { tags, attributes: input.attributes ? attributes : undefined },
      });
    });
  }

  /** Erases the contact (see `eraseContact`); the audit entry holds counts, never the person's data. */
  async erase(caller: Caller, id: string): Promise<ContactErasureDto> {
    return this.dataSource.transaction(async (m) => {
      const contact = await this.lock(m, caller, id);
      const redacted = await eraseContact(m, contact);
      await this.audit.record(m, caller, { action: 'contact.erased', targetType: 'contact', targetId: id, after: { redacted } });
      const [row] = await queryRows<{ erased_at: Date }>(m, 'SELECT erased_at FROM contacts WHERE id = $1', [id]);
      return { id, erasedAt: row.erased_at.toISOString(), redacted };
    });
  }

  /**
   * Imports a CSV into one number's contacts: new phones become contacts, known ones get the
   * row's tags added and attributes set (and the name, when given). Bad rows are reported,
   * never imported; the good rows go in one transaction.
   */
  async import(caller: Caller, text: string, numberId: string | undefined): Promise<ContactImportReportDto> {
    const number = await this.numberFor(caller, numberId);
    let parsed;
    try {
      parsed = parseContactsCsv(text);
    } catch (error) {
      if (error instanceof CsvFileError) throw new BadRequestException(error.message);
      throw error;
    }
    const rejected = [...parsed.rejected];
    const { created, updated } = await this.dataSource.transaction(async (m) => {
      const counts = { created: 0, updated: 0 };
      for (const row of parsed.rows) {
        if (row.userId && (await this.userIdTaken(m, number, row.userId, row.waId))) {
          rejected.push({ line: row.line, reason: 'user_id belongs to another contact of this number' });
          continue;
        }
        const [result] = await queryRows<{ inserted: boolean }>(
          m,
          `INSERT INTO contacts (workspace_id, number_id, wa_id, user_id, address_book_name, tags, attributes)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (number_id, wa_id) WHERE wa_id IS NOT NULL DO UPDATE SET
             tags = ARRAY(SELECT DISTINCT unnest(contacts.tags || EXCLUDED.tags)),
             attributes = contacts.attributes || EXCLUDED.attributes,
             address_book_name = coalesce($5, contacts.address_book_name),
             user_id = coalesce(contacts.user_id, $4), updated_at = now()
           RETURNING (xmax = 0) AS inserted`,
          [caller.workspaceId, number, row.waId, row.userId, row.name, row.tags, row.attributes],
        );
        if (result.inserted) counts.created++;
        else counts.updated++;
      }
      await this.audit.record(m, caller, {
        action: 'contacts.imported',
        targetType: 'number',
        targetId: number,
        after: { rows: parsed.total, ...counts, rejected: rejected.length },
      });
      return counts;
    });
    rejected.sort((a, b) => a.line - b.line);
    return { numberId: number, rows: parsed.total, created, updated, rejected };
  }

  /** Every contact of the workspace (or of one number) as CSV; the export itself is audited. */
  async export(caller: Caller, numberId: string | undefined): Promise<string> {
    const rows = await queryRows<ExportContact>(
      this.dataSource.manager,
      `SELECT wa_id, user_id, address_book_name, profile_name, tags, attributes, opted_out, marketing_opted_out, marketing_held_until,
         last_inbound_at FROM contacts WHERE workspace_id = $1 AND erased_at IS NULL AND ($2::uuid IS NULL OR number_id = $2)
       ORDER BY created_at, id`,
      [caller.workspaceId, numberId ?? null],
    );
    await this.audit.record(this.dataSource, caller, {
      action: 'contacts.exported',
      targetType: 'workspace',
      targetId: caller.workspaceId,
      after: { numberId: numberId ?? null, contacts: rows.length },
    });
    return contactsToCsv(rows);
  }

  private async userIdTaken(m: EntityManager, numberId: string, userId: string, waId: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      m,
      'SELECT id FROM contacts WHERE number_id = $1 AND user_id = $2 AND wa_id IS DISTINCT FROM $3',
      [numberId, userId, waId],
    );
    return rows.length > 0;
  }

  private async lock(m: EntityManager, caller: Caller, id: string): Promise<Contact> {
    const contact = await m
      .getRepository(Contact)
      .findOne({ where: { id, workspaceId: caller.workspaceId }, lock: { mode: 'pessimistic_write' } });
    if (!contact || contact.erasedAt) throw new NotFoundException(`No contact ${id}`);
    return contact;
  }

  /** The number to import into: the given one (of this workspace) or the workspace's only number. */
  private async numberFor(caller: Caller, numberId: string | undefined): Promise<string> {
    const numbers = await queryRows<{ id: string }>(
      this.dataSource.manager,
      'SELECT id FROM business_numbers WHERE workspace_id = $1 AND ($2::uuid IS NULL OR id = $2) ORDER BY created_at',
      [caller.workspaceId, numberId ?? null],
    );
    if (numberId && numbers.length === 0) throw new NotFoundException(`No number ${numberId}`);
    if (numbers.length === 0) throw new BadRequestException('The workspace has no number to import contacts into');
    if (numbers.length > 1) throw new BadRequestException('The workspace has several numbers: say which one with ?numberId=');
    return numbers[0].id;
  }
}
