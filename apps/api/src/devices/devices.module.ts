import type { EntityName } from '@mikro-orm/core';
import type { DeviceImporter } from './device-import.js';
import { Device } from './device.entity.js';
import { deviceRoutes } from './devices.http.js';
import { DevicesResolver } from './devices.resolver.js';
import type { DevicesService } from './devices.service.js';

const entities: EntityName[] = [Device];

/** The units sold (IMEI, barcode, order), their warranty status, and their CSV import and export. */
export const devicesModule = {
  entities,
  resolvers: (devices: DevicesService, importer: DeviceImporter) => [new DevicesResolver(devices, importer)],
  routes: (devices: DevicesService, importer: DeviceImporter) => deviceRoutes(importer, devices),
};
