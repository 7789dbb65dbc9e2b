/** What an alert is about; endpoints subscribe to kinds (none = every kind). */
export const ALERT_KINDS = [
  'number.disconnected',
  'number.offboarded',
  'number.app_inactive',
  'number.sync_deadline',
  'template.paused',
  'template.disabled',
  'delivery.dead_letter',
] as const;

export type AlertKind = (typeof ALERT_KINDS)[number];

export type AlertSeverity = 'info' | 'warning' | 'critical';

/** One problem to tell a workspace about. */
export interface AlertInput {
  workspaceId: string;
  kind: AlertKind;
  /**
   * The thing the problem is about (`number:<id>`, `template:<waba>:<name>:<lang>` …): while an
   * alert of this kind and subject is open, raising it again only counts.
   */
  subject: string;
  severity: AlertSeverity;
  title: string;
  body: string;
  data?: Record<string, unknown>;
}

/** What raising did: a new alert (members and endpoints are told) or a repeat (nobody is). */
export interface RaisedAlert {
  id: string;
  created: boolean;
}
