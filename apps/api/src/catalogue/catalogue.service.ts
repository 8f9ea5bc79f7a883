import { isMinorUnits, policyInForce, barcodePatternProblem } from '@aftersale/domain';
import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import type { Clock } from '../platform/clock.js';
import { loadForEdit } from '../platform/optimistic-locking.js';
import { optionalText, refuseNulls, nonBlankText } from '../platform/validators.js';
import { BadUserInputError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { orderByOf, type ListQuery } from '../platform/pagination.js';
import type {
  CreateCustomerInput,
  CreatePartInput,
  CreateProductModelInput,
  CreateServiceCentreInput,
  UpdateCustomerInput,
  UpdatePartInput,
  UpdateProductModelInput,
  UpdateServiceCentreInput,
} from './catalogue.inputs.js';
import type { CatalogueFilter, CatalogueSort, PartFilter, PartSort } from './catalogue.inputs.js';
import { Customer } from './customer.entity.js';
import { Part } from './part.entity.js';
import { ProductModel } from './product-model.entity.js';
import { ServiceCentre } from './service-centre.entity.js';

const catalogueColumns = { CODE: 'code', NAME: 'sortName', CREATED_AT: 'createdAt' } as const;
const partColumns = { SKU: 'sku', NAME: 'sortName', CATEGORY: 'category', MATERIAL_COST: 'materialCost' } as const;

export class CatalogueService {
  /** Customers, models or service centres by ids or free text, by name unless sorted otherwise. */
  listQuery<T extends Customer | ProductModel | ServiceCentre>(
    entity: EntityName<T>,
    filter: CatalogueFilter = {},
    sort: CatalogueSort | undefined,
  ): ListQuery<T> {
    const where: Record<string, unknown> = {};
    if (filter.ids) where['id'] = { $in: parseIds(filter.ids, 'filter.ids') };
    if (filter.q?.trim()) where['$or'] = [{ code: { $ilike: likePattern(filter.q) } }, { name: { $ilike: likePattern(filter.q) } }];
    return { entity, where: where as FilterQuery<T>, orderBy: orderByOf(sort, catalogueColumns, 'NAME') };
  }
}

const CODE = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const COUNTRY = /^[A-Z]{2}$/;
const KINDS = ['PHONE', 'FEATURE_PHONE', 'TABLET'] as const;

const code = (value: string, field = 'code') => {
  const text = value.trim().toUpperCase();
  if (!CODE.test(text)) throw new BadUserInputError(field, 'must be 1 to 32 letters, digits or dashes.');
  return text;
};
const country = (value: string) => {
  const text = value.trim().toUpperCase();
  if (!COUNTRY.test(text)) throw new BadUserInputError('country', 'must be an ISO 3166-1 alpha-2 code such as DE.');
  return text;
};
const email = (value: string | null | undefined) => {
  if (value === undefined || value === null || value.trim() === '') return null;
  const text = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) || text.length > 254) throw new BadUserInputError('contactEmail', 'is not an email address.');
  return text;
};
/** A barcode pattern must compile and is anchored, since a barcode matches it whole. */
const barcodePattern = (value: string) => {
  const text = nonBlankText(value, 'barcodePattern', 200);
  const problem = barcodePatternProblem(text);
  if (problem) throw new BadUserInputError('barcodePattern', problem);
  return text;
};
const materialCost = (value: number) => {
  if (!isMinorUnits(value)) throw new BadUserInputError('materialCost', 'must be a whole, non-negative number of cents.');
  return value;
};

/** Creating and editing the catalogue: customers, service centres, models and their parts. */
export class CatalogueEditor {
  constructor(private readonly clock: Clock) {}

  async createCustomer(em: EntityManager, input: CreateCustomerInput): Promise<Customer> {
    const customer = em.create(Customer, {
      code: code(input.code),
      name: nonBlankText(input.name, 'name', 200),
      country: country(input.country),
      contactEmail: email(input.contactEmail),
      address: optionalText(input.address, 'address', 500),
    });
    await em.flush();
    return customer;
  }

  async updateCustomer(em: EntityManager, input: UpdateCustomerInput): Promise<Customer> {
    const customer = await loadForEdit(em, Customer, 'Customer', input.id, input.version);
    refuseNulls(input, ['name', 'country']);
    if (input.name !== undefined) customer.name = nonBlankText(input.name, 'name', 200);
    if (input.country !== undefined) customer.country = country(input.country);
    if (input.contactEmail !== undefined) customer.contactEmail = email(input.contactEmail);
    if (input.address !== undefined) customer.address = optionalText(input.address, 'address', 500);
    await em.flush();
    return customer;
  }

  async createServiceCentre(em: EntityManager, input: CreateServiceCentreInput): Promise<ServiceCentre> {
    const centre = em.create(ServiceCentre, {
      code: code(input.code),
      name: nonBlankText(input.name, 'name', 200),
      city: nonBlankText(input.city, 'city', 100),
      country: country(input.country),
      address: nonBlankText(input.address, 'address', 500),
    });
    await em.flush();
    return centre;
  }

  async updateServiceCentre(em: EntityManager, input: UpdateServiceCentreInput): Promise<ServiceCentre> {
    const centre = await loadForEdit(em, ServiceCentre, 'Service centre', input.id, input.version);
    refuseNulls(input, ['name', 'city', 'country', 'address']);
    if (input.name !== undefined) centre.name = nonBlankText(input.name, 'name', 200);
    if (input.city !== undefined) centre.city = nonBlankText(input.city, 'city', 100);
    if (input.country !== undefined) centre.country = country(input.country);
    if (input.address !== undefined) centre.address = nonBlankText(input.address, 'address', 500);
    await em.flush();
    return centre;
  }

  async createProductModel(em: EntityManager, input: CreateProductModelInput): Promise<ProductModel> {
    const kind = input.kind.trim().toUpperCase();
    if (!(KINDS as readonly string[]).includes(kind)) throw new BadUserInputError('kind', `must be one of ${KINDS.join(', ')}.`);
    const model = em.create(ProductModel, {
      code: code(input.code),
      name: nonBlankText(input.name, 'name', 200),
      kind: kind as ProductModel['kind'],
      barcodePattern: barcodePattern(input.barcodePattern),
    });
    await em.flush();
    return model;
  }

  async updateProductModel(em: EntityManager, input: UpdateProductModelInput): Promise<ProductModel> {
    const model = await loadForEdit(em, ProductModel, 'Product model', input.id, input.version);
    refuseNulls(input, ['name', 'barcodePattern']);
    if (input.name !== undefined) model.name = nonBlankText(input.name, 'name', 200);
    if (input.barcodePattern !== undefined) model.barcodePattern = barcodePattern(input.barcodePattern);
    await em.flush();
    return model;
  }

  async createPart(em: EntityManager, input: CreatePartInput): Promise<Part> {
    const model = await em.findOne(ProductModel, parseId(input.modelId, 'modelId'));
    if (!model) throw new NotFoundError('Product model', input.modelId);
    const part = em.create(Part, {
      model,
      sku: code(input.sku, 'sku'),
      name: nonBlankText(input.name, 'name', 200),
      category: input.category,
      materialCost: materialCost(input.materialCost),
      // Money is in the policy's currency (CONTRACT.md §1).
      currency: policyInForce(this.clock.today()).currency,
    });
    await em.flush();
    return part;
  }

  async updatePart(em: EntityManager, input: UpdatePartInput): Promise<Part> {
    const part = await loadForEdit(em, Part, 'Part', input.id, input.version);
    refuseNulls(input, ['name', 'materialCost', 'active']);
    if (input.name !== undefined) part.name = nonBlankText(input.name, 'name', 200);
    if (input.materialCost !== undefined) part.materialCost = materialCost(input.materialCost);
    if (input.active !== undefined) part.active = input.active;
    await em.flush();
    // With its model, which the edited row holds only as a reference.
    return this.getPart(em, input.id);
  }

  /** Spare parts by the filter, by model, category and SKU unless sorted otherwise. */
  partsQuery(filter: PartFilter = {}, sort: PartSort | undefined): ListQuery<Part> {
    const where: FilterQuery<Part> = {};
    if (filter.ids) where.id = { $in: parseIds(filter.ids, 'filter.ids') };
    if (filter.modelId) where.model = parseId(filter.modelId, 'filter.modelId');
    if (filter.category?.length) where.category = { $in: filter.category };
    if (filter.active !== undefined) where.active = filter.active;
    if (filter.q?.trim()) where.$or = [{ sku: { $ilike: likePattern(filter.q) } }, { name: { $ilike: likePattern(filter.q) } }];
    return {
      entity: Part,
      where,
      populate: ['model'],
      orderBy: sort ? orderByOf(sort, partColumns, 'SKU') : [{ model: { name: 'asc' } }, { category: 'asc' }, { sku: 'asc' }, { id: 'asc' }],
    };
  }

  async getPart(em: EntityManager, id: string): Promise<Part> {
    const part = await em.findOne(Part, parseId(id, 'id'), { populate: ['model'] });
    if (!part) throw new NotFoundError('Part', id);
    return part;
  }

  /** One customer, model or centre by id (react-admin's getOne). */
  async get<T extends Customer | ProductModel | ServiceCentre>(em: EntityManager, entity: EntityName<T>, what: string, id: string): Promise<T> {
    const row = await em.findOne(entity, { id: parseId(id, 'id') } as FilterQuery<T>);
    if (!row) throw new NotFoundError(what, id);
    return row;
  }
}
