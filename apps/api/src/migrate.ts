import 'reflect-metadata';
import { runMigrations } from '@tandem/db';

runMigrations()
  .then((applied) => {
    console.log(applied.length ? `[migrate] applied: ${applied.join(', ')}` : '[migrate] database is up to date');
  })
  .catch((err: unknown) => {
    console.error('[migrate] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
