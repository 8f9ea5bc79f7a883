import { STAFF_ROLES } from '@aftersale/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../platform/context.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import {
  CreateCustomerInput,
  CreatePartInput,
  CreateProductModelInput,
  CreateServiceCentreInput,
  UpdateCustomerInput,
  UpdatePartInput,
  UpdateProductModelInput,
  UpdateServiceCentreInput,
} from './catalogue.inputs.js';
import { CatalogueEditor } from './catalogue.service.js';
import { CustomerType, PartConnection, PartPage, PartType, ProductModelType, ServiceCentreType } from './catalogue.types.js';
import { PartFilter, PartSort } from './catalogue.inputs.js';
import { Customer } from './customer.entity.js';
import { ProductModel } from './product-model.entity.js';
import { ServiceCentre } from './service-centre.entity.js';

/**
 * Reading one record and editing the catalogue. Agents manage customers;
 * service centres, models and parts are set up by administrators.
 */
@Resolver()
export class CatalogueEditorResolver {
  constructor(private readonly editor: CatalogueEditor) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => CustomerType)
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.editor.get(ctx.em, Customer, 'Customer', id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ProductModelType)
  productModel(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.editor.get(ctx.em, ProductModel, 'Product model', id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => ServiceCentreType)
  serviceCentre(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.editor.get(ctx.em, ServiceCentre, 'Service centre', id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => PartPage, { description: 'Spare parts, by model, category or text.' })
  parts(
    @Arg('filter', () => PartFilter, { nullable: true }) filter: PartFilter | undefined,
    @Arg('sort', () => PartSort, { nullable: true, description: 'By model, category and SKU when left out.' }) sort: PartSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.editor.partsQuery(filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => PartConnection, {
    description: 'parts as `parts` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  partsConnection(
    @Arg('filter', () => PartFilter, { nullable: true }) filter: PartFilter | undefined,
    @Arg('sort', () => PartSort, { nullable: true, description: 'By model, category and SKU when left out.' }) sort: PartSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.editor.partsQuery(filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => PartType)
  part(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.editor.getPart(ctx.em, id);
  }

  @Authorized('ADMIN', 'AGENT')
  @Mutation(() => CustomerType)
  createCustomer(@Arg('input', () => CreateCustomerInput) input: CreateCustomerInput, @Ctx() ctx: Context) {
    return this.editor.createCustomer(ctx.em, input);
  }

  @Authorized('ADMIN', 'AGENT')
  @Mutation(() => CustomerType)
  updateCustomer(@Arg('input', () => UpdateCustomerInput) input: UpdateCustomerInput, @Ctx() ctx: Context) {
    return this.editor.updateCustomer(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ServiceCentreType)
  createServiceCentre(@Arg('input', () => CreateServiceCentreInput) input: CreateServiceCentreInput, @Ctx() ctx: Context) {
    return this.editor.createServiceCentre(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ServiceCentreType)
  updateServiceCentre(@Arg('input', () => UpdateServiceCentreInput) input: UpdateServiceCentreInput, @Ctx() ctx: Context) {
    return this.editor.updateServiceCentre(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ProductModelType)
  createProductModel(@Arg('input', () => CreateProductModelInput) input: CreateProductModelInput, @Ctx() ctx: Context) {
    return this.editor.createProductModel(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => ProductModelType)
  updateProductModel(@Arg('input', () => UpdateProductModelInput) input: UpdateProductModelInput, @Ctx() ctx: Context) {
    return this.editor.updateProductModel(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PartType)
  createPart(@Arg('input', () => CreatePartInput) input: CreatePartInput, @Ctx() ctx: Context) {
    return this.editor.createPart(ctx.em, input);
  }

  @Authorized('ADMIN')
  @Mutation(() => PartType)
  updatePart(@Arg('input', () => UpdatePartInput) input: UpdatePartInput, @Ctx() ctx: Context) {
    return this.editor.updatePart(ctx.em, input);
  }
}
