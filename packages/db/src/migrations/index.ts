import { InitialSchema1795708800000 } from './1795708800000-InitialSchema';

/** Migrations in order of their timestamps. */
export const migrations = [InitialSchema1795708800000];
