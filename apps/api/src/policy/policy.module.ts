import type { EntityName } from '@mikro-orm/core';
import type { Clock } from '../platform/clock.js';
import { PolicyResolver } from './policy.resolver.js';

const entities: EntityName[] = [];

/** The warranty policy in force and its clause and finding catalogue, as the domain states them. */
export const policyModule = {
  entities,
  resolvers: (clock: Clock) => [new PolicyResolver(clock)],
};
