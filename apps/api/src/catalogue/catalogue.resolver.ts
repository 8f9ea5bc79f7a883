import { STAFF_ROLES } from '@aftersale/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, Info, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import { CatalogueService } from './catalogue.service.js';
import { CustomerConnection, CustomerPage, ProductModelConnection, ProductModelPage, ServiceCentreConnection, ServiceCentrePage } from './catalogue.types.js';
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
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.catalogue.listQuery(Customer, filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => CustomerConnection, {
    description:
      'customers as `customers` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  customersConnection(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.catalogue.listQuery(Customer, filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ProductModelPage)
  productModels(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.catalogue.listQuery(ProductModel, filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ProductModelConnection, {
    description:
      'productModels as `productModels` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  productModelsConnection(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.catalogue.listQuery(ProductModel, filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ServiceCentrePage)
  serviceCentres(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.catalogue.listQuery(ServiceCentre, filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ServiceCentreConnection, {
    description:
      'serviceCentres as `serviceCentres` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  serviceCentresConnection(
    @Arg('filter', () => CatalogueFilter, { nullable: true }) filter: CatalogueFilter | undefined,
    @Arg('sort', () => CatalogueSort, { nullable: true, description: 'By name when left out.' }) sort: CatalogueSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.catalogue.listQuery(ServiceCentre, filter, sort), page, selects(info, 'totalCount'));
  }
}
