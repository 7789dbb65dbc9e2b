import type { HandlerContext } from './handler.types';

/**
 * History chunks and address-book syncs each lock many contacts of one number, in the order
 * the webhook lists them: two at once could wait on each other in a circle (a deadlock that
 * PostgreSQL breaks by failing one, which then waits for the sweeper). Taken before their
 * first contact, this transaction-scoped lock per number runs them one after the other; live
 * messages, which lock one contact each, never take it.
 */
export async function lockNumberBackfill(ctx: HandlerContext): Promise<void> {
  await ctx.m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`backfill:${ctx.number.id}`]);
}
