import { STAFF_ROLES } from '@aftersale/domain';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { PageArgs } from '../platform/pagination.js';
import { LocalDateScalar } from '../platform/scalars.js';
import type { Device } from './device.entity.js';
import { DevicesService } from './devices.service.js';
import { DeviceFilter, DevicePage, DeviceSort, DeviceType, WarrantyStatusType } from './devices.types.js';

@Resolver(() => DeviceType)
export class DevicesResolver {
  constructor(private readonly service: DevicesService) {}

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => WarrantyStatusType, { description: "A unit's warranty today, by IMEI." })
  async warrantyStatus(@Arg('imei') imei: string, @Ctx() ctx: Context): Promise<WarrantyStatusType> {
    const device = await this.service.findByImei(ctx.em, imei, actorOf(ctx));
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
    return this.service.get(ctx.em, id, actorOf(ctx));
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => DevicePage, { description: 'Units, filtered, sorted and paginated.' })
  devices(
    @Arg('filter', () => DeviceFilter, { nullable: true }) filter: DeviceFilter | undefined,
    @Arg('sort', () => DeviceSort, { nullable: true }) sort: DeviceSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
  ) {
    return this.service.list(ctx.em, actorOf(ctx), filter, sort, page.offset, page.limit);
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
