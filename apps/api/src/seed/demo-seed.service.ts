import { Injectable } from '@nestjs/common';
import { ROLE_PERMISSIONS } from '@tandem/api-contract';
import { BusinessNumber, Journey, Workspace } from '@tandem/db';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.types';
import { JourneyVersionsService } from '../journeys/journey-versions.service';
import { JourneysService } from '../journeys/journeys.service';
import { TemplatesService } from '../templates/templates.service';
import { DEMO_JOURNEY_NAME, demoJourney } from './demo-journey';
import { DEMO_COEXISTENCE_NUMBER, DEMO_NUMBERS, DEMO_WORKSPACE_NAME, type DemoNumber } from './demo-tenant';
import { seedDemoUsers } from './demo-users';

const DAY_MS = 86_400_000;

/** How the seed reaches the Graph API (the simulator may still be starting). */
export interface DemoSeedOptions {
  /** Attempts of each template sync (default 10). */
  attempts?: number;
  /** Pause between attempts (default 1 s). */
  retryDelayMs?: number;
  log?: (line: string) => void;
}

/** What the seed found or created, by kind. */
export interface DemoSeedResult {
  workspaceId: string;
  numberIds: Record<string, string>;
  journeyId: string;
  liveVersion: number;
  created: string[];
}

/**
 * Idempotent demo data: the demo workspace with one user per role, the simulator's
 * numbers, their templates and the published demo journey. A second run finds everything
 * and creates nothing; a demo journey edited in the studio is left as it is.
 */
@Injectable()
export class DemoSeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly journeys: JourneysService,
    private readonly versions: JourneyVersionsService,
    private readonly templates: TemplatesService,
  ) {}

  async run(options: DemoSeedOptions = {}): Promise<DemoSeedResult> {
    const log = options.log ?? (() => undefined);
    const created: string[] = [];
    const workspace = await this.workspace(created);
    log(`workspace "${workspace.name}" ${created.includes('workspace') ? 'created' : 'exists'} (${workspace.id})`);
    await seedDemoUsers(this.dataSource, workspace.id, created, log);
    const numberIds: Record<string, string> = {};
    for (const demo of DEMO_NUMBERS) {
      const number = await this.number(workspace.id, demo, created);
      numberIds[demo.label] = number.id;
      log(
        `${demo.label} number +${demo.displayPhoneNumber} ${created.includes(`number:${demo.label}`) ? 'registered' : 'exists'} (${number.id})`,
      );
      const synced = await this.syncTemplates(number, options);
      log(
        `  templates synced from the Graph API: ${synced.items.length} (${synced.created} new, ${synced.updated} updated, ${synced.removed} removed)`,
      );
    }
    const journey = await this.journey(workspace.id, numberIds[DEMO_COEXISTENCE_NUMBER.label], created, log);
    log(
      `demo journey "${journey.name}" live on version ${journey.liveVersion} (${journey.id}): write "hi" to +${DEMO_COEXISTENCE_NUMBER.displayPhoneNumber} from the simulator`,
    );
    return { workspaceId: workspace.id, numberIds, journeyId: journey.id, liveVersion: journey.liveVersion as number, created };
  }

  private async workspace(created: string[]): Promise<Workspace> {
    const repo = this.dataSource.getRepository(Workspace);
    const existing = await repo.findOneBy({ name: DEMO_WORKSPACE_NAME });
    if (existing) return existing;
    created.push('workspace');
    return repo.save(repo.create({ name: DEMO_WORKSPACE_NAME }));
  }

  private async number(workspaceId: string, demo: DemoNumber, created: string[]): Promise<BusinessNumber> {
    const repo = this.dataSource.getRepository(BusinessNumber);
    const existing = await repo.findOneBy({ phoneNumberId: demo.phoneNumberId });
    if (existing) return existing;
    created.push(`number:${demo.label}`);
    return repo.save(
      repo.create({
        workspaceId,
        phoneNumberId: demo.phoneNumberId,
        wabaId: demo.wabaId,
        displayPhoneNumber: demo.displayPhoneNumber,
        mode: demo.mode,
        throughputCap: demo.throughputCap,
        onboardedAt: new Date(Date.now() - demo.onboardedDaysAgo * DAY_MS),
      }),
    );
  }

  private async syncTemplates(number: BusinessNumber, options: DemoSeedOptions) {
    const attempts = options.attempts ?? 10;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.templates.sync(number.workspaceId, number.id);
      } catch (error) {
        if (attempt >= attempts) {
          throw new Error(
            `templates could not be synced (is the simulator running?): ${error instanceof Error ? error.message : String(error)}`,
            { cause: error },
          );
        }
        options.log?.(`  Graph API not answering yet (attempt ${attempt}/${attempts}), retrying`);
        await sleep(options.retryDelayMs ?? 1_000);
      }
    }
  }

  /** The demo journey, created and published when missing; never changed once it exists. */
  private async journey(workspaceId: string, numberId: string, created: string[], log: (line: string) => void): Promise<Journey> {
    const repo = this.dataSource.getRepository(Journey);
    let journey = await repo.findOneBy({ workspaceId, name: DEMO_JOURNEY_NAME });
    if (!journey) {
      const detail = await this.journeys.create(workspaceId, { name: DEMO_JOURNEY_NAME, document: demoJourney(numberId) });
      created.push('journey');
      journey = await this.journeys.require(workspaceId, detail.id);
    }
    if (journey.liveVersion === null) {
      const published = await this.versions.publish(seedCaller(workspaceId), journey.id, 'Demo journey');
      created.push(`version:${published.version}`);
      log(`published the demo journey as version ${published.version} (${published.warnings.length} warnings)`);
      journey = await this.journeys.require(workspaceId, journey.id);
    }
    return journey;
  }
}

/** The seed publishes as itself: the version and the audit log say "demo seed". */
function seedCaller(workspaceId: string): Caller {
  return {
    kind: 'session',
    userId: null,
    sessionId: null,
    tokenId: null,
    label: 'demo seed',
    workspaceId,
    role: 'admin',
    permissions: new Set(ROLE_PERMISSIONS.admin),
    ip: null,
    userAgent: null,
  };
}
