/**
 * @tandem/node-sdk — the public API for Tandem node types. Write a node with
 * {@link defineNode}, export it from your package as `nodes`, test it with `runNode` from
 * `@tandem/node-sdk/testing`.
 */
export { defineNode, NodeDefinitionError } from './define-node';
export type { DefineNodeInput, NodeDefinition, NodeResult } from './node-definition.types';
export type {
  AttributeValue,
  ContactsPort,
  CredentialsPort,
  HttpClientPort,
  HttpRequest,
  HttpResponse,
  NodeContact,
  NodeContext,
  NodeLogger,
  NodeNumber,
  NodeRun,
  SendOptions,
  WhatsAppClientPort,
} from './context.types';
export type { SendOutcome, SendRefusalReason } from './send-outcome.types';
export {
  NodeError,
  NodeConfigError,
  NonRetryableNodeError,
  RetryableNodeError,
  isNodeError,
  type ConfigProblem,
  type NodeErrorKind,
  type NodeErrorLike,
} from './node-errors';
export { invokeNode, parseNodeConfig, MAX_OUTPUT_BYTES, type NodeInvocation } from './invoke-node';
export { nodeSpec } from './node-spec';
export { interpolate, placeholdersOf, resolveTemplateValue, scopeOf, type InterpolateOptions, type TemplateScope } from './interpolate';
export { NodeRegistry, UnknownNodeTypeError, catalogueFor, nodeSpecsFor } from './registry/node-registry';
export { loadNodePackages, NodePackageError, type LoadedNodePackage } from './registry/load-node-packages';
export {
  NODE_DESCRIPTION_FILE,
  describeNodePackage,
  nodeDescriptionSchema,
  nodePackageDescriptionSchema,
  NodeDescriptionError,
  type NodeDescription,
  type NodePackageDescription,
} from './description/node-package-description';
export { readNodePackageDescription, resolveNodePackageMain, catalogueEntryOf } from './description/read-node-package-description';
export { writeNodePackageDescription } from './description/write-node-package-description';
export { createGuardedHttpClient, HTTP_GUARD_DEFAULTS, type GuardedHttpClient, type GuardedHttpOptions } from './http/guarded-http-client';
export { parseAllowlist, blockedAddress, type BlockedAddress, type HttpAllowlist } from './http/address-policy';
export { type HostResolver } from './http/guarded-lookup';
export {
  OutboundHttpError,
  findOutboundHttpError,
  type OutboundHttpErrorCode,
  type OutboundHttpErrorLike,
} from './http/outbound-http-error';
