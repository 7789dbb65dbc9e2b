import 'reflect-metadata';
import { runDemoSeed } from './seed/run-demo-seed';

runDemoSeed({ log: (line) => console.log(`[seed] ${line}`) })
  .then((result) => {
    console.log(
      result.created.length ? `[seed] created: ${result.created.join(', ')}` : '[seed] nothing new: the demo workspace was already seeded',
    );
  })
  .catch((err: unknown) => {
    console.error('[seed] failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
