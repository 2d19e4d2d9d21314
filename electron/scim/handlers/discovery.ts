/**
 * Discovery endpoints (RFC 7644 §4). Entra reads `/Schemas` only for some gallery apps (entra-behavior.md §2.3);
 * validators and other clients read all three.
 */

import { notFound } from '../errors.js';
import { resourceTypeById, resourceTypes } from '../discovery/resource-types.js';
import { schemaById, schemaResources } from '../discovery/schemas.js';
import { serviceProviderConfig } from '../discovery/service-provider-config.js';
import type { ScimHandler } from '../http/types.js';
import { listResponse } from './list-params.js';

export const getServiceProviderConfig: ScimHandler = (request) => ({ status: 200, body: serviceProviderConfig(request.baseUrl) });

export const getSchemas: ScimHandler = (request) => {
  const id = request.segments[1];
  if (id === undefined) {
    const all = schemaResources(request.baseUrl);
    return { status: 200, body: listResponse(all, all.length, 1) };
  }
  const schema = schemaById(request.baseUrl, id);
  if (!schema) throw notFound(`No schema "${id}"; this listener describes the User, EnterpriseUser and Group schemas.`);
  return { status: 200, body: schema };
};

export const getResourceTypes: ScimHandler = (request) => {
  const id = request.segments[1];
  if (id === undefined) {
    const all = resourceTypes(request.baseUrl);
    return { status: 200, body: listResponse(all, all.length, 1) };
  }
  const type = resourceTypeById(request.baseUrl, id);
  if (!type) throw notFound(`No resource type "${id}"; this listener serves User and Group.`);
  return { status: 200, body: type };
};
