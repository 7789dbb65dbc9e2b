/**
 * The demo tenant as the built-in simulator serves it (apps/simulator's demo seed): the
 * seed registers the same numbers so the studio can chat with the demo journey right away.
 */
export const DEMO_WORKSPACE_NAME = 'Tandem demo';

/** A number to register: ids as Meta (the simulator) knows them. */
export interface DemoNumber {
  label: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  mode: 'coexistence' | 'cloud';
  throughputCap: number;
  onboardedDaysAgo: number;
}

/** The coexistence number the demo journey runs on (Meta's fixed 20 messages/second). */
export const DEMO_COEXISTENCE_NUMBER: DemoNumber = {
  label: 'coexistence',
  phoneNumberId: '108932450377265',
  wabaId: '114620785021387',
  displayPhoneNumber: '15557012244',
  mode: 'coexistence',
  throughputCap: 20,
  onboardedDaysAgo: 3,
};

/** An ordinary Cloud API number, for contrast. */
export const DEMO_CLOUD_NUMBER: DemoNumber = {
  label: 'cloud',
  phoneNumberId: '117845209336471',
  wabaId: '120398475610923',
  displayPhoneNumber: '447700900456',
  mode: 'cloud',
  throughputCap: 80,
  onboardedDaysAgo: 30,
};

export const DEMO_NUMBERS = [DEMO_COEXISTENCE_NUMBER, DEMO_CLOUD_NUMBER];
