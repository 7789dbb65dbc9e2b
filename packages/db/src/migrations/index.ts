import { InitialSchema1795708800000 } from './1795708800000-InitialSchema';
import { CampaignName1795708900000 } from './1795708900000-CampaignName';
import { RunStepNumber1795709000000 } from './1795709000000-RunStepNumber';
import { EngineEventDispatch1796338000000 } from './1796338000000-EngineEventDispatch';

/** Migrations in order of their timestamps. */
export const migrations = [
  InitialSchema1795708800000,
  CampaignName1795708900000,
  RunStepNumber1795709000000,
  EngineEventDispatch1796338000000,
];
