import { catalogueResponseSchema, type NodeSpecDto } from '@tandem/api-contract';
import { request } from './client';

/** `GET /api/catalogue`: every node type the engine knows (built-in and custom). */
export async function fetchCatalogue(): Promise<NodeSpecDto[]> {
  const answer = await request('/api/catalogue', { schema: catalogueResponseSchema });
  return answer.nodes;
}
