import { InitialSchema1795708800000 } from './1795708800000-InitialSchema';
import { CampaignName1795708900000 } from './1795708900000-CampaignName';
import { RunStepNumber1795709000000 } from './1795709000000-RunStepNumber';
import { DeliveryClaims1795709100000 } from './1795709100000-DeliveryClaims';
import { EngineEventDispatch1796338000000 } from './1796338000000-EngineEventDispatch';
import { Teams1796500000000 } from './1796500000000-Teams';
import { Secrets1796600000000 } from './1796600000000-Secrets';
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
  TemplatesAlerts1796750000000,
];
