import { STAFF_ROLES } from '@aftersale/domain';
import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context.js';
import { PageArgs } from '../platform/pagination.js';
import { CatalogueService } from './catalogue.service.js';
import { CustomerPage, ProductModelPage, ServiceCentrePage } from './catalogue.types.js';
import { CatalogueFilter, CatalogueSort } from './catalogue.inputs.js';
import { Customer } from './customer.entity.js';
import { ProductModel } from './product-model.entity.js';
import { ServiceCentre } from './service-centre.entity.js';

@Resolver()
export class CatalogueResolver {
  constructor(private readonly catalogue: CatalogueService) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => CustomerPage)
  customers(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return this.catalogue.list(ctx.em, Customer, { ...filter, sort, ...page });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ProductModelPage)
  productModels(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return this.catalogue.list(ctx.em, ProductModel, { ...filter, sort, ...page });
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ServiceCentrePage)
  serviceCentres(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return this.catalogue.list(ctx.em, ServiceCentre, { ...filter, sort, ...page });
  }
}
