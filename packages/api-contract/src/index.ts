/**
 * @tandem/api-contract — zod request and response schemas of the engine's REST API
 * (auth and roles, catalogue, journeys, versions, runs, campaigns, templates), shared by the api and the studio.
 */
export * from './common.contract';
export * from './journeys.contract';
export * from './runs.contract';
export * from './catalogue.contract';
export * from './campaigns.contract';
export * from './templates.contract';
export * from './auth.contract';
export * from './credentials.contract';
export * from './alerts.contract';
