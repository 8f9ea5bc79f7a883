import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_COST_BUDGET } from './query-limits.js';

/** The repository root: apps/api/{src,dist}/platform/ is three levels below. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  AFTERSALE_DATA_DIR: z.string().default(`${repoRoot}.data`),
  AFTERSALE_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  AFTERSALE_ADMIN_EMAIL: z.string().email().default('admin@aftersale.test'),
  AFTERSALE_ADMIN_PASSWORD: z.string().min(8).default('aftersale-admin'),
  AFTERSALE_JWT_SECRET: z.string().min(32).optional(),
  AFTERSALE_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]$/)
    .default('15m'),
  AFTERSALE_SESSION_TTL: z
    .string()
    .regex(/^\d+[smhd]$/)
    .default('8h'),
  AFTERSALE_DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  AFTERSALE_CONSOLE_DIR: z.string().default(`${repoRoot}apps/console/dist`),
  AFTERSALE_ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Cost points a caller's budget holds (see platform/query-limits.ts). */
  AFTERSALE_COST_BUDGET: z.coerce.number().int().min(1).default(DEFAULT_COST_BUDGET.capacity),
  /** Cost points a caller's budget gets back each second. */
  AFTERSALE_COST_RESTORE_RATE: z.coerce.number().int().min(1).default(DEFAULT_COST_BUDGET.restoreRate),
  /** Longest one SQL statement of an API request may run, in milliseconds (0: no limit). */
  AFTERSALE_STATEMENT_TIMEOUT: z.coerce.number().int().min(0).default(10_000),
  /** Local use and tests only: webhook endpoints may be http://127.0.0.1 or http://localhost. */
  AFTERSALE_WEBHOOK_ALLOW_LOCAL_HTTP: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** How long a webhook endpoint has to answer, in milliseconds. */
  AFTERSALE_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Tests only: webhook retries are scheduled on a clock running this many times faster. */
  AFTERSALE_WEBHOOK_TIME_SCALE: z.coerce.number().min(1).max(1_000_000).default(1),
  // The seller printed on invoices; the defaults are the demo's, change them for anything but a demo.
  AFTERSALE_SELLER_NAME: z.string().min(1).default('Aftersale Devices Ltd (demo)'),
  AFTERSALE_SELLER_ADDRESS: z.string().min(1).default('1 Harbour Way\\nDublin D02 X285\\nIreland'),
  AFTERSALE_SELLER_TAX_ID: z.string().min(1).default('IE 0000000XD'),
  AFTERSALE_PAYMENT_TERMS_DAYS: z.coerce.number().int().min(0).max(365).default(30),
  AFTERSALE_TAX_RATE: z.coerce.number().min(0).max(100).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof Env>;

/** Reads and validates the environment once, naming the variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
