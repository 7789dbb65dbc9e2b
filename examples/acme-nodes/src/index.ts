import { crmLookup } from './crm-lookup.node';

export { crmLookup };

/** The node package contract: Tandem loads `nodes` from the package's main module. */
export const nodes = [crmLookup];
