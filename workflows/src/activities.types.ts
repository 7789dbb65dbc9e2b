/** Activities the ping workflow calls; implemented by the worker. */
export interface PingActivities {
  ping(message: string): Promise<string>;
}
