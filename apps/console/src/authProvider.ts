import { LoginDocument, LogoutDocument, type Role } from '@aftersale/graphql';
import type { AuthProvider, UserIdentity } from 'react-admin';
import { apiErrorCode } from './api/errors';
import { request } from './api/request';
import { clearSession, readSession, refreshSession, saveSession, tokenExpiresSoon } from './api/session';
import { apolloClient } from './dataProvider';

/**
 * Which roles the console offers each write (create, edit) to, as the API's
 * @Authorized rules have them. Only a courtesy (buttons and menu entries a
 * user could not use are hidden): the API decides, and answers FORBIDDEN to
 * anyone else.
 */
const writersByResource: Partial<Record<string, readonly Role[]>> = {
  claims: ['ADMIN', 'AGENT'], // submitClaim
  orders: ['ADMIN', 'AGENT'], // createOrder, updateOrder, recordOrderReceipt, device import
  stock: ['ADMIN', 'TECHNICIAN'], // receiveStock, adjustStock, consumeStock, updateStockSettings
  customers: ['ADMIN', 'AGENT'],
  'service-centres': ['ADMIN'],
  models: ['ADMIN'],
  parts: ['ADMIN'],
  users: ['ADMIN'],
  'api-keys': ['ADMIN'],
  webhooks: ['ADMIN'],
};

/** Resources only some roles may even read; every staff role reads the rest (claims, units, the catalogue). */
const readersByResource: Partial<Record<string, readonly Role[]>> = {
  users: ['ADMIN'],
  analytics: ['ADMIN', 'ANALYST'],
  'api-keys': ['ADMIN'],
  webhooks: ['ADMIN'],
};

const readActions = new Set(['list', 'show']);
const writeActions = new Set(['create', 'edit']);

/** Whether a role may take an action on a resource, by the tables above. */
function roleMay(role: Role | undefined, action: string, resource: string): boolean {
  const allowed = readActions.has(action) ? readersByResource[resource] : writeActions.has(action) ? (writersByResource[resource] ?? []) : [];
  // No role (the session just ended): the page's own call then meets UNAUTHENTICATED and signs the user out.
  return allowed === undefined || (role !== undefined && allowed.includes(role));
}

export const authProvider: AuthProvider = {
  /** react-admin's login form calls its first field `username`: here, the email. */
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { login } = await request(LoginDocument, { email: String(username).trim(), password });
      saveSession({ token: login.token, refreshToken: login.refreshToken, user: login.user });
    } catch (error) {
      // The API's own words (request() has read them out), e.g. a wrong password, or that it cannot be reached.
      throw new Error(error instanceof Error ? error.message : 'Sign-in failed.', { cause: error });
    }
  },

  /** Ends the session on the API too (its tokens stop working), then here. */
  async logout() {
    if (readSession()) await request(LogoutDocument, {}).catch(() => undefined);
    clearSession();
    await apolloClient.clearStore();
  },

  async checkAuth() {
    const session = readSession();
    if (!session || (tokenExpiresSoon(session.token) && !(await refreshSession()))) throw new Error('Sign in to continue.');
  },

  /** An expired token is renewed once; a revoked session signs the user out; a refusal (FORBIDDEN) only shows its message. */
  async checkError(error: unknown) {
    // react-admin then calls logout(), which ends the session.
    if (apiErrorCode(error) === 'UNAUTHENTICATED' && !(await refreshSession())) throw new Error('Your session has ended: sign in again.');
  },

  getIdentity(): Promise<UserIdentity> {
    const session = readSession();
    if (!session) return Promise.reject(new Error('Not signed in.'));
    const { user } = session;
    return Promise.resolve({ id: user.id, fullName: user.name, email: user.email, role: user.role });
  },

  getPermissions(): Promise<Role | undefined> {
    return Promise.resolve(readSession()?.user.role);
  },

  canAccess({ action, resource }) {
    return Promise.resolve(roleMay(readSession()?.user.role, action, resource));
  },
};
