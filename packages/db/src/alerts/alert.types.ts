import type { AlertKindDto } from '@tandem/api-contract';

/** What an alert is about (the kinds are the REST contract's, `ALERT_KINDS`). */
export type AlertKind = AlertKindDto;

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
