import { STAFF_ROLES } from '@aftersale/domain';
import { Readable } from 'node:stream';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import { LocalDateScalar } from '../platform/scalars.js';
import type { Device } from './device.entity.js';
import type { DeviceImporter } from './device-import.js';
import { DeviceImportResultType } from './device-import.types.js';
import { DevicesService } from './devices.service.js';
import { DeviceConnection, DevicePage, DeviceType, WarrantyStatusType } from './devices.types.js';
import { DeviceFilter, DeviceSort } from './devices.inputs.js';

@Resolver(() => DeviceType)
export class DevicesResolver {
  constructor(
    private readonly service: DevicesService,
    private readonly importer: DeviceImporter,
  ) {}

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => WarrantyStatusType, { description: "A unit's warranty today, by IMEI." })
  async warrantyStatus(@Arg('imei') imei: string, @Ctx() ctx: Context): Promise<WarrantyStatusType> {
    const device = await this.service.findByImei(ctx.em, actorOf(ctx), imei);
    const warranty = this.service.warrantyOf(device);
    return {
      imei: device.imei,
      underWarranty: warranty.underWarranty,
      receivedOn: warranty.receivedOn,
      lastCoveredDay: warranty.lastCoveredDay,
      model: device.model,
    };
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => DeviceType)
  device(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.service.get(ctx.em, actorOf(ctx), id);
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => DevicePage, { description: 'Units, filtered, sorted and paginated.' })
  devices(
    @Arg('filter', () => DeviceFilter, { nullable: true }) filter: DeviceFilter | undefined,
    @Arg('sort', () => DeviceSort, { nullable: true }) sort: DeviceSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.service.listQuery(actorOf(ctx), filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => DeviceConnection, {
    description:
      'devices as `devices` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  devicesConnection(
    @Arg('filter', () => DeviceFilter, { nullable: true }) filter: DeviceFilter | undefined,
    @Arg('sort', () => DeviceSort, { nullable: true }) sort: DeviceSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.service.listQuery(actorOf(ctx), filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized('ADMIN', 'AGENT')
  @Mutation(() => DeviceImportResultType, {
    description: "Registers an order's units from CSV text (imei,barcode[,receivedOn]), all or nothing. Large files: POST /api/orders/{id}/devices/import.",
  })
  importDevices(@Arg('orderId', () => ID) orderId: string, @Arg('csv') csv: string, @Ctx() ctx: Context) {
    return this.importer.import(ctx.em, actorOf(ctx), orderId, Readable.from([csv]));
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true })
  lastCoveredDay(@Root() device: Device) {
    return this.service.warrantyOf(device).lastCoveredDay;
  }

  @FieldResolver(() => Boolean)
  underWarranty(@Root() device: Device) {
    return this.service.warrantyOf(device).underWarranty;
  }
}
