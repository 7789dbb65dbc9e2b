/** `error` blocks publishing; `warning` is shown but allowed. */
export type IssueSeverity = 'error' | 'warning';

/**
 * Machine-readable issue codes:
 * - `schema`: the document does not match the journey schema (nothing else is checked);
 * - `no-trigger`, `no-entry`, `entry-not-found`, `no-number`;
 * - `duplicate-id` (node, edge or trigger), `dangling-edge`, `unknown-type`, `invalid-config`,
 *   `unknown-port`, `port-fanout` (two edges leave one port);
 * - `unreachable`, `cycle-without-wait`;
 * - `freeform-window`, `template-not-approved`, `template-unknown` (WhatsApp lints);
 * - `regex-unsafe`: a pattern can backtrack catastrophically (added by the Node-only `regex-safety` entry).
 */
export type IssueCode =
  | 'schema'
  | 'no-trigger'
  | 'no-entry'
  | 'entry-not-found'
  | 'no-number'
  | 'duplicate-id'
  | 'dangling-edge'
  | 'unknown-type'
  | 'invalid-config'
  | 'unknown-port'
  | 'port-fanout'
  | 'unreachable'
  | 'cycle-without-wait'
  | 'freeform-window'
  | 'template-not-approved'
  | 'template-unknown'
  | 'regex-unsafe';

/** A suggested one-click fix the studio can offer. */
export type IssueFix = { kind: 'add-template-fallback'; nodeId: string };

/** One problem found by `validateJourney`. */
export interface ValidationIssue {
  severity: IssueSeverity;
  code: IssueCode;
  /** A sentence for the marketer. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  triggerId?: string;
  /** Where inside the document (schema issues) or inside the node's config (config issues). */
  path?: (string | number)[];
  fix?: IssueFix;
}

/** A template as known from the WhatsApp Business Account (status as Meta reports it, e.g. `APPROVED`). */
export interface TemplateStatus {
  name: string;
  language: string;
  status: string;
}

/** Options of `validateJourney`. */
export interface ValidateOptions {
  /** The number's templates; when given, every template a node sends must be approved. */
  templates?: readonly TemplateStatus[];
}
