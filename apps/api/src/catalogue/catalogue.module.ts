import type { EntityName } from '@mikro-orm/core';
import type { Clock } from '../platform/clock.js';
import { CatalogueEditorResolver } from './catalogue-editor.resolver.js';
import { CatalogueResolver } from './catalogue.resolver.js';
import { CatalogueEditor, CatalogueService } from './catalogue.service.js';
import { Customer } from './customer.entity.js';
import { Part } from './part.entity.js';
import { ProductModel } from './product-model.entity.js';
import { ServiceCentre } from './service-centre.entity.js';

const entities: EntityName[] = [Customer, ServiceCentre, ProductModel, Part];

/** Customers, service centres, product models and their parts. */
export const catalogueModule = {
  entities,
  resolvers: (clock: Clock) => [new CatalogueResolver(new CatalogueService()), new CatalogueEditorResolver(new CatalogueEditor(clock))],
};
