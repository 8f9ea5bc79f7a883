import type { EntityName } from '@mikro-orm/core';
import { ApiKey } from './api-key.entity.js';
import { AuthResolver } from './auth.resolver.js';
import type { AuthService } from './auth.service.js';
import { StaffResolver } from './staff.resolver.js';
import { StaffService } from './staff.service.js';
import { User } from './user.entity.js';

const entities: EntityName[] = [User, ApiKey];

/** Staff sign-in, staff accounts and integrators' API keys. `AuthService.authenticate` is the server's way to know the caller. */
export const authModule = {
  entities,
  resolvers: (auth: AuthService) => [new AuthResolver(auth), new StaffResolver(new StaffService(() => auth.forgetCallers()))],
};
