import { STAFF_ROLES } from '@aftersale/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../platform/context.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import type { Order } from './order.entity.js';
import { OrdersService } from './orders.service.js';
import { DeviceImportType, OrderConnection, OrderPage, OrderType, SpareAllowanceType, SpareShipmentLineType } from './orders.types.js';
import { CreateOrderInput, OrderFilter, OrderSort, RecordOrderReceiptInput, UpdateOrderInput } from './orders.inputs.js';

/** Agents record orders and their receipt; every staff role reads them. */
@Resolver(() => OrderType)
export class OrdersResolver {
  constructor(private readonly service: OrdersService) {}

  @Authorized(...STAFF_ROLES)
  @Query(() => OrderPage, { description: 'Orders, filtered, sorted (newest first by default) and paginated.' })
  orders(
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Arg('sort', () => OrderSort, { nullable: true }) sort: OrderSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.service.listQuery(filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => OrderConnection, {
    description:
      'Orders as `orders` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  ordersConnection(
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | undefined,
    @Arg('sort', () => OrderSort, { nullable: true }) sort: OrderSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.service.listQuery(filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => OrderType)
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.service.get(ctx.em, id);
  }

  @Authorized('ADMIN', 'AGENT')
  @Mutation(() => OrderType)
  createOrder(@Arg('input', () => CreateOrderInput) input: CreateOrderInput, @Ctx() ctx: Context) {
    return this.service.create(ctx.em, input);
  }

  @Authorized('ADMIN', 'AGENT')
  @Mutation(() => OrderType)
  updateOrder(@Arg('input', () => UpdateOrderInput) input: UpdateOrderInput, @Ctx() ctx: Context) {
    return this.service.update(ctx.em, input);
  }

  @Authorized('ADMIN', 'AGENT')
  @Mutation(() => OrderType, { description: 'W2, S1–S3: the goods were received; records the spare parts shipped with them.' })
  recordOrderReceipt(@Arg('input', () => RecordOrderReceiptInput) input: RecordOrderReceiptInput, @Ctx() ctx: Context) {
    return this.service.recordReceipt(ctx.em, input);
  }

  @FieldResolver(() => SpareAllowanceType)
  allowance(@Root() order: Order, @Ctx() ctx: Context) {
    return this.service.allowance(ctx.em, order);
  }

  @FieldResolver(() => [SpareShipmentLineType], { description: 'The spare parts recorded as shipped with the goods (empty until received).' })
  spareShipment(@Root() order: Order, @Ctx() ctx: Context) {
    return this.service.shipment(ctx.em, order);
  }

  @FieldResolver(() => [DeviceImportType])
  imports(@Root() order: Order, @Ctx() ctx: Context) {
    return this.service.imports(ctx.em, order.id);
  }

  @FieldResolver(() => Int, { description: 'Units imported so far (at most `quantity`).' })
  unitCount(@Root() order: Order, @Ctx() ctx: Context) {
    return this.service.unitCount(ctx.em, order.id);
  }
}
