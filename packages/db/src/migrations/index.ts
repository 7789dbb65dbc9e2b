import { InitialSchema1795708800000 } from './1795708800000-InitialSchema';
import { CampaignName1795708900000 } from './1795708900000-CampaignName';
import { RunStepNumber1795709000000 } from './1795709000000-RunStepNumber';
import { DeliveryClaims1795709100000 } from './1795709100000-DeliveryClaims';
import { EngineEventDispatch1796338000000 } from './1796338000000-EngineEventDispatch';
import { Teams1796500000000 } from './1796500000000-Teams';
import { Secrets1796600000000 } from './1796600000000-Secrets';
import { ConversationOwnership1796700000000 } from './1796700000000-ConversationOwnership';
import { OptOut1796710000000 } from './1796710000000-OptOut';
import { Inbox1796720000000 } from './1796720000000-Inbox';
import { ConnectNumbers1796730000000 } from './1796730000000-ConnectNumbers';
import { Media1796740000000 } from './1796740000000-Media';
import { TemplatesAlerts1796750000000 } from './1796750000000-TemplatesAlerts';

/** Migrations in order of their timestamps. */
export const migrations = [
  InitialSchema1795708800000,
  CampaignName1795708900000,
  RunStepNumber1795709000000,
  DeliveryClaims1795709100000,
  EngineEventDispatch1796338000000,
  Teams1796500000000,
  Secrets1796600000000,
  ConversationOwnership1796700000000,
  OptOut1796710000000,
  Inbox1796720000000,
  ConnectNumbers1796730000000,
  Media1796740000000,
  TemplatesAlerts1796750000000,
];
