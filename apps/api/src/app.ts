import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthResolver } from './auth/auth.resolver.js';
import { AuthService } from './auth/auth.service.js';
import { randomSecret, TokenSigner } from './auth/credentials.js';
import { StaffResolver } from './auth/staff.resolver.js';
import { StaffService } from './auth/staff.service.js';
import { CatalogueResolver } from './catalogue/catalogue.resolver.js';
import { CatalogueEditorResolver } from './catalogue/catalogue-editor.resolver.js';
import { CatalogueEditor, CatalogueService } from './catalogue/catalogue.service.js';
import { attachmentRoutes } from './claims/attachments.js';
import { ClaimWorkflow } from './claims/claim-workflow.js';
import { ClaimWorkflowResolver } from './claims/claim-workflow.resolver.js';
import { ClaimsResolver } from './claims/claims.resolver.js';
import { ClaimsService } from './claims/claims.service.js';
import { DeviceImporter } from './devices/device-import.js';
import { deviceRoutes } from './devices/devices.http.js';
import { DevicesResolver } from './devices/devices.resolver.js';
import { DevicesService } from './devices/devices.service.js';
import { invoiceRoutes } from './invoices/invoices.http.js';
import { InvoicesResolver } from './invoices/invoices.resolver.js';
import { InvoicesService } from './invoices/invoices.service.js';
import { OrdersResolver } from './orders/orders.resolver.js';
import { OrdersService } from './orders/orders.service.js';
import { type Clock, systemClock } from './platform/clock.js';
import { StockMovementResolver } from './stock/stock-movement.resolver.js';
import { StockResolver } from './stock/stock.resolver.js';
import { StockService } from './stock/stock.service.js';
import { registerPolicyVersions } from './policy/policy-versions.js';
import { PolicyResolver } from './policy/policy.resolver.js';
import type { Config } from './platform/config.js';
import { type MikroORM, openDatabase } from './platform/database.js';
import { buildAppSchema } from './platform/graphql-schema.js';
import { CostBudget } from './platform/query-limits.js';
import { startHttpServer, type RunningHttpServer } from './platform/http-server.js';
import type { Logger } from './platform/logger.js';

export interface AppOptions {
  config: Config;
  databaseUrl: string;
  log: Logger;
  clock?: Clock;
}

export interface App {
  orm: MikroORM;
  http: RunningHttpServer;
  /** The port actually bound (useful when PORT=0). */
  port: number;
  close(): Promise<void>;
}

/** Every service and resolver, wired by hand: the whole dependency graph reads top to bottom. */
export function createResolvers(tokens: TokenSigner, clock: Clock) {
  const auth = new AuthService(tokens);
  const devices = new DevicesService(clock);
  const claims = new ClaimsService(devices, clock);
  const importer = new DeviceImporter(clock);
  const stock = new StockService();
  const invoices = new InvoicesService(clock);
  return {
    auth,
    routes: [...deviceRoutes(importer, devices), ...invoiceRoutes(invoices), ...attachmentRoutes(claims)],
    resolvers: [
      new AuthResolver(auth),
      new StaffResolver(new StaffService()),
      new CatalogueResolver(new CatalogueService()),
      new CatalogueEditorResolver(new CatalogueEditor(clock)),
      new OrdersResolver(new OrdersService(clock)),
      new DevicesResolver(devices, importer),
      new StockResolver(stock),
      new StockMovementResolver(),
      new ClaimsResolver(claims),
      new ClaimWorkflowResolver(new ClaimWorkflow(devices, stock, clock)),
      new InvoicesResolver(invoices),
      new PolicyResolver(clock),
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
export async function startApp({ config, databaseUrl, log, clock = systemClock }: AppOptions): Promise<App> {
  const orm = await openDatabase(databaseUrl, log, config.AFTERSALE_STATEMENT_TIMEOUT);
  try {
    const em = orm.em.fork();
    await registerPolicyVersions(em);
    const tokens = new TokenSigner(await tokenSecret(em, config.AFTERSALE_JWT_SECRET), config.AFTERSALE_TOKEN_TTL);
    if (await AuthService.ensureFirstAdmin(em, config.AFTERSALE_ADMIN_EMAIL, config.AFTERSALE_ADMIN_PASSWORD)) {
      log.info({ email: config.AFTERSALE_ADMIN_EMAIL }, 'first administrator created');
    }
    if (config.AFTERSALE_DEMO_DATA === 'auto') {
      // Loaded on demand: a production server with demo data off never loads the generator.
      const { seedDemoDataIfEmpty } = await import('./demo/seed-demo-data.js');
      await seedDemoDataIfEmpty(orm, clock, log);
    }
    const { auth, resolvers, routes } = createResolvers(tokens, clock);
    const schema = await buildAppSchema(resolvers);
    const costBudget = new CostBudget(config.AFTERSALE_COST_BUDGET, config.AFTERSALE_COST_RESTORE_RATE);
    const http = await startHttpServer({ schema, orm, auth, log, routes, costBudget, consoleDir: config.AFTERSALE_CONSOLE_DIR });
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
      close: async () => {
        await http.close();
        await orm.close();
      },
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
