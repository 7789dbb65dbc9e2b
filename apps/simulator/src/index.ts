export { createSimulatorApp } from './simulator-app';
export type { SimulatorHandle } from './simulator-app';
export { behaviourPatchSchema, defaultBehaviour } from './simulator-options.types';
export type { SimulatorAppOptions, SimulatorBehaviour, SimulatorBehaviourPatch } from './simulator-options.types';
export { signBody, toMetaJson } from './common/meta-json.util';
export {
  applyDemoSeed,
  DEMO_CLOUD_DISPLAY_PHONE_NUMBER,
  DEMO_CLOUD_PHONE_NUMBER_ID,
  DEMO_CLOUD_WABA_ID,
  DEMO_CONTACTS,
  DEMO_DISPLAY_PHONE_NUMBER,
  DEMO_PHONE_NUMBER_ID,
  DEMO_TEMPLATE_IDS,
  DEMO_TEMPLATE_LANGUAGE,
  DEMO_TEMPLATES,
  DEMO_WABA_ID,
} from './seed/demo-seed';
export type { SimContact, SimConversation, SimMessage, SimNumber, SimTemplate } from './state/sim-state.types';
