import type { EntityManager, EntityName, FilterQuery, OrderDefinition } from '@mikro-orm/postgresql';
import { likePattern, parseIds } from '../platform/ids.js';
import type { Page } from '../platform/pagination.js';
import type { Customer } from './customer.entity.js';
import type { ProductModel } from './product-model.entity.js';
import type { ServiceCentre } from './service-centre.entity.js';

export interface CatalogueQuery {
  ids?: string[];
  q?: string;
  offset: number;
  limit: number;
}

export class CatalogueService {
  /** Lists customers, models or service centres by ids or free text, ordered by name. */
  async list<T extends Customer | ProductModel | ServiceCentre>(em: EntityManager, entity: EntityName<T>, query: CatalogueQuery): Promise<Page<T>> {
    const where: Record<string, unknown> = {};
    if (query.ids) where['id'] = { $in: parseIds(query.ids, 'filter.ids') };
    if (query.q?.trim()) where['$or'] = [{ code: { $ilike: likePattern(query.q) } }, { name: { $ilike: likePattern(query.q) } }];
    const [items, total] = await em.findAndCount(entity, where as FilterQuery<T>, {
      orderBy: { name: 'asc', id: 'asc' } as OrderDefinition<T>,
      offset: query.offset,
      limit: query.limit,
    });
    return { items: items as T[], total };
  }
}
