import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { authModule } from './auth/auth.module.js';
import { AuthService } from './auth/auth.service.js';
import { randomSecret, TokenSigner } from './auth/credentials.js';
import { catalogueModule } from './catalogue/catalogue.module.js';
import { ClaimWorkflowService } from './claims/claim-workflow.service.js';
import { claimsModule } from './claims/claims.module.js';
import { ClaimsService } from './claims/claims.service.js';
import { DeviceImporter } from './devices/device-import.js';
import type { ClaimEventFeed, FeedOptions } from './events/claim-event-feed.js';
import { eventsModule } from './events/events.module.js';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import type { WebhookSettings } from './webhooks/webhooks.service.js';
import { webhooksModule } from './webhooks/webhooks.module.js';
import { devicesModule } from './devices/devices.module.js';
import { DevicesService } from './devices/devices.service.js';
import { invoicesModule } from './invoices/invoices.module.js';
import { InvoicesService } from './invoices/invoices.service.js';
import { DEMO_INVOICE_SETTINGS, invoiceSettingsOf, type InvoiceSettings } from './invoices/invoice-settings.js';
import { migrations } from './migrations/index.js';
import { ordersModule } from './orders/orders.module.js';
import { acceleratedClock, type Clock, systemClock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import { type MikroORM, openDatabase } from './platform/database.js';
import { buildAppSchema } from './platform/graphql-schema.js';
import { CostBudget } from './platform/query-limits.js';
import { startHttpServer, type RunningHttpServer } from './platform/http-server.js';
import type { Logger } from './platform/logger.js';
import { policyModule } from './policy/policy.module.js';
import { registerPolicyVersions } from './policy/policy-versions.js';
import { stockModule } from './stock/stock.module.js';
import { StockService } from './stock/stock.service.js';
// Last: type-graphql lists operations in the order their resolvers load.
import { analyticsModule } from './analytics/analytics.module.js';
import { AnalyticsService } from './analytics/analytics.service.js';

/** Every feature's tables, in the order they were introduced. */
export const entities: EntityName[] = [
  ...authModule.entities,
  ...catalogueModule.entities,
  ...ordersModule.entities,
  ...devicesModule.entities,
  ...stockModule.entities,
  ...claimsModule.entities,
  ...invoicesModule.entities,
  ...policyModule.entities,
  ...eventsModule.entities,
  ...webhooksModule.entities,
];

/** Connects to the app's database and brings it up to date: every feature's entities, the committed migrations. */
export function openAppDatabase(clientUrl: string, log?: Logger, statementTimeout?: number): Promise<MikroORM> {
  return openDatabase(clientUrl, { entities, migrations }, log, statementTimeout);
}

export interface AppOptions {
  config: Config;
  databaseUrl: string;
  log: Logger;
  clock?: Clock;
  /** Limits of live delivery (tests make them small). */
  feed?: FeedOptions;
  /** False: webhook deliveries wait (the dispatcher polls the queue on its own; statement-count tests keep it quiet). */
  deliverWebhooks?: boolean;
}

export interface App {
  orm: MikroORM;
  http: RunningHttpServer;
  /** The port actually bound (useful when PORT=0). */
  port: number;
  /** This instance's reader of the claim event log (live delivery). */
  feed: ClaimEventFeed;
  close(): Promise<void>;
}

/** Every service, resolver and route, wired by hand: the whole dependency graph reads top to bottom. */
export function createResolvers(
  tokens: TokenSigner,
  clock: Clock,
  webhooks: WebhookSettings = { allowLocalHttp: false },
  webhookClock: Clock = clock,
  invoiceSettings: InvoiceSettings = DEMO_INVOICE_SETTINGS,
) {
  const auth = new AuthService(tokens, clock);
  const devices = new DevicesService(clock);
  const importer = new DeviceImporter(clock);
  const stock = new StockService();
  const invoices = new InvoicesService(clock, invoiceSettings);
  const claims = new ClaimsService(devices, clock);
  const workflow = new ClaimWorkflowService(devices, stock, invoices, clock);
  const eventLog = eventsModule.log();
  const analytics = new AnalyticsService(clock);
  return {
    authenticate: auth.authenticate.bind(auth),
    eventLog,
    routes: [
      ...devicesModule.routes(devices, importer),
      ...invoicesModule.routes(invoices),
      ...claimsModule.routes(claims),
      ...analyticsModule.routes(analytics),
    ],
    resolvers: [
      ...authModule.resolvers(auth),
      ...catalogueModule.resolvers(clock),
      ...ordersModule.resolvers(clock),
      ...devicesModule.resolvers(devices, importer),
      ...stockModule.resolvers(stock),
      ...claimsModule.resolvers(claims, workflow),
      ...invoicesModule.resolvers(invoices),
      ...policyModule.resolvers(clock),
      ...analyticsModule.resolvers(analytics),
      ...eventsModule.resolvers(eventLog),
      ...webhooksModule.resolvers(webhooks, webhookClock),
    ] as [object, ...object[]],
  };
}

/** Token signing key: from the environment, else one generated once and kept in the database (shared by every instance). */
async function tokenSecret(em: EntityManager, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const conn = em.getConnection();
  await conn.execute(`insert into app_setting (key, value) values ('jwt_secret', ?) on conflict (key) do nothing`, [randomSecret()]);
  const [row] = await conn.execute<{ value: string }[]>(`select value from app_setting where key = 'jwt_secret'`);
  return row!.value;
}

/** Opens the database (migrating it), prepares the first admin and demo data, and serves HTTP. */
export async function startApp({ config, databaseUrl, log, clock = systemClock, feed: feedOptions, deliverWebhooks = true }: AppOptions): Promise<App> {
  const orm = await openAppDatabase(databaseUrl, log, config.AFTERSALE_STATEMENT_TIMEOUT);
  let feed: ClaimEventFeed | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  try {
    const em = orm.em.fork();
    await registerPolicyVersions(em);
    const tokens = new TokenSigner(await tokenSecret(em, config.AFTERSALE_JWT_SECRET), config.AFTERSALE_TOKEN_TTL, config.AFTERSALE_SESSION_TTL);
    if (await AuthService.ensureFirstAdmin(em, config.AFTERSALE_ADMIN_EMAIL, config.AFTERSALE_ADMIN_PASSWORD)) {
      log.info({ email: config.AFTERSALE_ADMIN_EMAIL }, 'first administrator created');
    }
    if (config.AFTERSALE_DEMO_DATA === 'auto') {
      // Loaded on demand: a production server with demo data off never loads the generator.
      const { seedDemoDataIfEmpty } = await import('./demo/seed-demo-data.js');
      await seedDemoDataIfEmpty(orm, clock, log);
    }
    const webhookClock = acceleratedClock(clock, config.AFTERSALE_WEBHOOK_TIME_SCALE);
    const allowLocalHttp = config.AFTERSALE_WEBHOOK_ALLOW_LOCAL_HTTP;
    const { authenticate, resolvers, routes, eventLog } = createResolvers(tokens, clock, { allowLocalHttp }, webhookClock, invoiceSettingsOf(config));
    const schema = await buildAppSchema(resolvers, { queryTimeLimitMs: config.AFTERSALE_STATEMENT_TIMEOUT });
    feed = eventsModule.feed(orm, databaseUrl, eventLog, log, feedOptions);
    await feed.start();
    const http = await startHttpServer({
      schema,
      orm,
      authenticate,
      log,
      routes,
      costBudget: new CostBudget(config.AFTERSALE_COST_BUDGET, config.AFTERSALE_COST_RESTORE_RATE),
      consoleDir: config.AFTERSALE_CONSOLE_DIR,
      websocket: { subscriptionRoot: eventsModule.subscriptionRoot(eventLog, feed), allowedOrigins: config.AFTERSALE_ALLOWED_ORIGINS },
    });
    eventsModule.enforceRevocations(orm, feed, http.websocket, log);
    dispatcher = webhooksModule.dispatcher(orm, webhookClock, log, {
      allowLocalHttp,
      timeoutMs: config.AFTERSALE_WEBHOOK_TIMEOUT_MS,
      perEndpoint: 4,
      maxInFlight: 64,
      pollMs: config.AFTERSALE_WEBHOOK_TIME_SCALE > 1 ? 50 : 250,
    });
    if (deliverWebhooks) dispatcher.start();
    await new Promise<void>((resolve, reject) => {
      http.server.once('error', reject);
      http.server.listen(config.PORT, config.HOST, resolve);
    });
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    return {
      orm,
      http,
      port,
      feed,
      close: async () => {
        await http.close();
        await dispatcher!.close();
        await feed!.close();
        await orm.close();
      },
    };
  } catch (error) {
    await dispatcher?.close();
    await feed?.close();
    await orm.close();
    throw error;
  }
}
