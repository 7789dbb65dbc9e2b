/** Who holds a conversation (a contact on a number). `closed` behaves like `bot` for sending. */
export type Ownership = 'bot' | 'human' | 'closed';
/** Which kind of human holds it: a teammate in the WhatsApp Business app, an agent in Tandem, or nobody yet (a journey's hand-off). */
export type OwnerKind = 'teammate' | 'agent' | 'journey';
/** Who made a change. `member`: a user of the workspace (REST/studio); `system`: the return-to-bot sweeper. */
export type OwnershipActorKind = 'teammate' | 'member' | 'journey' | 'system';
/** What a change did: named after the state it reached. */
export type ConversationEventKind = 'taken' | 'given_back' | 'closed';
/** What a change did to the contact's runs: paused/stopped by a teammate's reply, resumed/ended on give-back or close. */
export type RunEffect = 'paused' | 'stopped' | 'resumed' | 'ended';

export interface OwnershipActor {
  kind: OwnershipActorKind;
  /** A member's user id, a run id, an echo's wamid; absent for the system. */
  id?: string | null;
}

/** One requested move of a conversation's ownership. */
export interface OwnershipChange {
  contactId: string;
  to: Ownership;
  /** Required when `to` is `human`. */
  ownerKind?: OwnerKind;
  ownerUserId?: string | null;
  actor: OwnershipActor;
  /** Why, in words a person reads on the timeline. */
  reason: string;
  /** Only from these states (e.g. a teammate's echo takes a conversation only from the bot). Default: any. */
  onlyFrom?: readonly Ownership[];
  /** The runs the change affects, with what it does to each (`null`: told, effect up to the run's journey). */
  runs?: Readonly<Record<string, RunEffect | null>>;
  at?: Date;
}

/** What a change did; `eventId` is null when nothing changed (already there, or not from an allowed state). */
export interface OwnershipResult {
  found: boolean;
  from: Ownership | null;
  changed: boolean;
  eventId: string | null;
}
