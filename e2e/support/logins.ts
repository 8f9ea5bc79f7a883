/** The password of the seeded demo staff (agent, tech, analyst @aftersale.test). */
export const DEMO_PASSWORD = 'aftersale-demo';

/** The seeded logins the tests use: the admin the server creates on first start, and the demo staff. */
export const LOGINS = {
  admin: { email: 'admin@aftersale.test', password: 'aftersale-admin' },
  agent: { email: 'agent@aftersale.test', password: DEMO_PASSWORD },
  tech: { email: 'tech@aftersale.test', password: DEMO_PASSWORD },
} as const;
