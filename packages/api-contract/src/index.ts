/**
 * @tandem/api-contract — zod request and response schemas of the engine's REST API
 * (auth and roles, catalogue, journeys, versions, runs, campaigns, templates, conversation ownership), shared by the api and the studio.
 */
export * from './common.contract';
export * from './journeys.contract';
export * from './runs.contract';
export * from './catalogue.contract';
export * from './campaigns.contract';
export * from './templates.contract';
export * from './auth.contract';
export * from './credentials.contract';
export * from './media.contract';
export * from './ownership.contract';
export * from './inbox.contract';
export * from './contacts.contract';
export * from './alerts.contract';
