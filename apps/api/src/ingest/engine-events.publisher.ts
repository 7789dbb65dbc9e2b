import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EngineEventsRelay, engineEventsTransportFromConfig } from '@tandem/db';
import { DataSource } from 'typeorm';

/**
 * Publishes committed `domain_events` rows to the partitioned `engine-events-<k>` queues
 * (k = hash(contact key) % ENGINE_EVENT_PARTITIONS, job id = event id) in id order.
 * Called after each delivery commits; the sweeper calls it too, so rows left unpublished
 * by a crash after commit go out on the next sweep.
 */
@Injectable()
export class EngineEventsPublisher implements OnApplicationShutdown {
  private readonly relay: EngineEventsRelay;

  constructor(dataSource: DataSource) {
    this.relay = new EngineEventsRelay(dataSource, engineEventsTransportFromConfig());
  }

  /** Publishes every unpublished row; resolves with how many this call published. */
  publishPending(): Promise<number> {
    return this.relay.publishPending();
  }

  /** Last: the ingest worker's final deliveries publish before this closes. */
  async onApplicationShutdown(): Promise<void> {
    await this.relay.close();
  }
}
