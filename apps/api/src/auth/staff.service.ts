import { isStaffRole } from '@aftersale/domain';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { Customer } from '../catalogue/customer.entity.js';
import { loadForEdit } from '../platform/optimistic-locking.js';
import { refuseNulls, nonBlankText } from '../platform/validators.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { orderByOf, type ListQuery } from '../platform/pagination.js';
import { ApiKey } from './api-key.entity.js';
import { normalizeEmail } from './auth.service.js';
import { hashPassword, newApiKey } from './credentials.js';
import { strongPassword } from './password-strength.js';
import { revokeUserSessions } from './sessions.js';
import type { CreateApiKeyInput, CreateUserInput, UpdateUserInput, UserFilter, UserSort } from './staff.inputs.js';
import { User } from './user.entity.js';

function email(value: string): string {
  const text = normalizeEmail(value);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || text.length > 254) throw new BadUserInputError('email', 'is not an email address.');
  return text;
}

/** Staff users and integrator API keys: administrators only. */
export class StaffService {
  /** `onAccessChanged` runs after a user's role or activity changes or a key is revoked: this instance forgets the callers it trusts (AuthService.forgetCallers); others within CALLER_CACHE_MS. */
  constructor(private readonly onAccessChanged: () => void = () => undefined) {}

  /** Staff users by the filter, by email unless sorted otherwise. */
  usersQuery(filter: UserFilter = {}, sort: UserSort | undefined): ListQuery<User> {
    const where: FilterQuery<User> = {};
    if (filter.ids) where.id = { $in: parseIds(filter.ids, 'filter.ids') };
    if (filter.role) where.role = filter.role;
    if (filter.active !== undefined) where.active = filter.active;
    if (filter.q?.trim()) where.$or = [{ email: { $ilike: likePattern(filter.q) } }, { name: { $ilike: likePattern(filter.q) } }];
    return { entity: User, where, orderBy: orderByOf(sort, { EMAIL: 'email', NAME: 'sortName', ROLE: 'role', CREATED_AT: 'createdAt' }, 'EMAIL') };
  }

  async getUser(em: EntityManager, id: string): Promise<User> {
    const user = await em.findOne(User, parseId(id, 'id'));
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  async createUser(em: EntityManager, input: CreateUserInput): Promise<User> {
    if (!isStaffRole(input.role)) throw new BadUserInputError('role', 'is not a staff role.');
    const address = email(input.email);
    const name = nonBlankText(input.name, 'name', 200);
    const user = em.create(User, {
      email: address,
      name,
      role: input.role,
      passwordHash: await hashPassword(strongPassword(input.password, { email: address, name })),
    });
    await em.flush();
    return user;
  }

  /**
   * Edits a user. The last active administrator can be neither demoted nor
   * deactivated: the active admins are locked for the check, so two admins
   * demoting each other at once cannot both succeed.
   */
  async updateUser(em: EntityManager, input: UpdateUserInput): Promise<User> {
    refuseNulls(input, ['name', 'role', 'active', 'password']);
    const user = await em.transactional(async (tx) => {
      const user = await loadForEdit(tx, User, 'User', input.id, input.version);
      const losesAdmin = user.role === 'ADMIN' && user.active && ((input.role !== undefined && input.role !== 'ADMIN') || input.active === false);
      if (losesAdmin) {
        const admins = await tx.find(User, { role: 'ADMIN', active: true }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (admins.length <= 1)
          throw new ConflictError('This is the last active administrator: appoint another one first.', { field: input.active === false ? 'active' : 'role' });
      }
      if (input.name !== undefined) user.name = nonBlankText(input.name, 'name', 200);
      if (input.role !== undefined) user.role = input.role;
      if (input.active !== undefined) user.active = input.active;
      if (input.password !== undefined) user.passwordHash = await hashPassword(strongPassword(input.password, user));
      // A reset password or a deactivated user: every session of theirs ends now.
      if (input.password !== undefined || input.active === false) {
        await tx.flush();
        await revokeUserSessions(tx, user.id);
      }
      return user;
    });
    this.onAccessChanged();
    return user;
  }

  async listApiKeys(em: EntityManager, customerId: string): Promise<ApiKey[]> {
    return em.find(ApiKey, { customer: parseId(customerId, 'customerId') }, { populate: ['customer'], orderBy: { createdAt: 'desc' } });
  }

  /** Creates a key; the secret exists only in this answer, the database keeps a hash. */
  async createApiKey(em: EntityManager, input: CreateApiKeyInput, createdBy: number | null): Promise<{ apiKey: ApiKey; secret: string }> {
    const customer = await em.findOne(Customer, parseId(input.customerId, 'customerId'));
    if (!customer) throw new NotFoundError('Customer', input.customerId);
    const { key, prefix, secretHash } = newApiKey();
    const apiKey = em.create(ApiKey, { customer, name: nonBlankText(input.name, 'name', 100), prefix, secretHash, createdBy });
    await em.flush();
    return { apiKey, secret: key };
  }

  async revokeApiKey(em: EntityManager, id: string): Promise<ApiKey> {
    const apiKey = await em.findOne(ApiKey, parseId(id, 'id'), { populate: ['customer'] });
    if (!apiKey) throw new NotFoundError('API key', id);
    apiKey.revokedAt ??= new Date();
    await em.flush();
    this.onAccessChanged();
    return apiKey;
  }
}
