import { analyticsRoutes } from './analytics.http.js';
import { AnalyticsResolver } from './analytics.resolver.js';
import type { AnalyticsService } from './analytics.service.js';

/** Warranty analytics for analysts: read from the rollup tables that migration 0006's triggers keep current. */
export const analyticsModule = {
  entities: [],
  resolvers: (analytics: AnalyticsService) => [new AnalyticsResolver(analytics)],
  routes: (analytics: AnalyticsService) => analyticsRoutes(analytics),
};
