import { STAFF_ROLES } from '@aftersale/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import type { Stock } from './stock.entity.js';
import { StockService, stockId } from './stock.service.js';
import { StockLevelConnection, StockLevelPage, StockLevelType, StockMovementConnection, StockMovementPage } from './stock.types.js';
import {
  AdjustStockInput,
  ConsumeStockInput,
  ReceiveStockInput,
  StockFilter,
  StockMovementFilter,
  StockSort,
  UpdateStockSettingsInput,
} from './stock.inputs.js';

/** Technicians keep the stock; every staff role reads it. */
@Resolver(() => StockLevelType)
export class StockResolver {
  constructor(private readonly service: StockService) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => StockLevelPage, { description: 'Stock per service centre and part; `filter.low` gives the low-stock view.' })
  stockLevels(
    @Arg('filter', () => StockFilter, { nullable: true }) filter: StockFilter | undefined,
    @Arg('sort', () => StockSort, { nullable: true }) sort: StockSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.service.listQuery(filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => StockLevelConnection, {
    description:
      'stockLevels as `stockLevels` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  stockLevelsConnection(
    @Arg('filter', () => StockFilter, { nullable: true }) filter: StockFilter | undefined,
    @Arg('sort', () => StockSort, { nullable: true }) sort: StockSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.service.listQuery(filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => StockLevelType)
  stockLevel(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.service.get(ctx.em, id);
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => StockMovementPage, { description: 'The stock ledger, newest first.' })
  stockMovements(
    @Arg('filter', () => StockMovementFilter, { nullable: true }) filter: StockMovementFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.service.movementsQuery(filter), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => StockMovementConnection, {
    description:
      'stockMovements as `stockMovements` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  stockMovementsConnection(
    @Arg('filter', () => StockMovementFilter, { nullable: true }) filter: StockMovementFilter | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.service.movementsQuery(filter), page, selects(info, 'totalCount'));
  }

  @Authorized('ADMIN', 'TECHNICIAN')
  @Mutation(() => StockLevelType, { description: 'Parts delivered to a service centre.' })
  receiveStock(@Arg('input', () => ReceiveStockInput) input: ReceiveStockInput, @Ctx() ctx: Context) {
    return this.service.receive(ctx.em, actorOf(ctx), input);
  }

  @Authorized('ADMIN', 'TECHNICIAN')
  @Mutation(() => StockLevelType, { description: 'A correction with a reason (stocktake, damage); never below zero.' })
  adjustStock(@Arg('input', () => AdjustStockInput) input: AdjustStockInput, @Ctx() ctx: Context) {
    return this.service.adjust(ctx.em, actorOf(ctx), input);
  }

  @Authorized('ADMIN', 'TECHNICIAN')
  @Mutation(() => StockLevelType, { description: 'Parts taken for a repair; CONFLICT when not enough are on hand.' })
  consumeStock(@Arg('input', () => ConsumeStockInput) input: ConsumeStockInput, @Ctx() ctx: Context) {
    return this.service.consume(ctx.em, actorOf(ctx), input);
  }

  @Authorized('ADMIN', 'TECHNICIAN')
  @Mutation(() => StockLevelType)
  updateStockSettings(@Arg('input', () => UpdateStockSettingsInput) input: UpdateStockSettingsInput, @Ctx() ctx: Context) {
    return this.service.updateSettings(ctx.em, input);
  }

  @FieldResolver(() => ID)
  id(@Root() stock: Stock) {
    return stockId(stock);
  }
}
