import type { DemoStaffRole, ModelKind, PartCategory } from './rows.js';

/**
 * The hand-written part of the demo world: the staff, the first customers and
 * service centres, and the product range with its spare parts. Larger data
 * sets add generated customers and centres after these.
 */

export interface StaffMember {
  readonly key: 'agent' | 'tech' | 'analyst';
  readonly email: string;
  readonly name: string;
  readonly role: DemoStaffRole;
}

/** Staff demo users (the administrator is created by the API from its environment). */
export const STAFF: readonly StaffMember[] = [
  { key: 'agent', email: 'agent@aftersale.test', name: 'Ana Ferreira', role: 'AGENT' },
  { key: 'tech', email: 'tech@aftersale.test', name: 'Tomás Weber', role: 'TECHNICIAN' },
  { key: 'analyst', email: 'analyst@aftersale.test', name: 'Priya Nair', role: 'ANALYST' },
];

export interface CustomerSpec {
  readonly code: string;
  readonly name: string;
  readonly country: string;
  readonly contactEmail: string;
  /** Postal address, printed on invoices. */
  readonly address: string;
  /** Relative share of the orders. */
  readonly weight: number;
  /** Codes of the models this customer buys. */
  readonly models: readonly string[];
  /** Code of the service centre its units are sent to. */
  readonly serviceCentre: string;
}

export const CUSTOMERS: readonly CustomerSpec[] = [
  {
    code: 'ACME',
    name: 'Acme Mobile Distribution GmbH',
    country: 'DE',
    contactEmail: 'service@acme-mobile.example',
    address: 'Speicherstraße 17\n20457 Hamburg\nGermany',
    weight: 6,
    models: ['AX-120', 'AX-200', 'AX-350', 'TB-80'],
    serviceCentre: 'SC-HAM',
  },
  {
    code: 'NORDTEL',
    name: 'Nordtel Retail AB',
    country: 'SE',
    contactEmail: 'warranty@nordtel.example',
    address: 'Sveavägen 44\n111 34 Stockholm\nSweden',
    weight: 4,
    models: ['AX-200', 'AX-350', 'TB-80'],
    serviceCentre: 'SC-HAM',
  },
  {
    code: 'LUSOCOM',
    name: 'Lusocom Comunicações, Lda.',
    country: 'PT',
    contactEmail: 'assistencia@lusocom.example',
    address: 'Avenida da Liberdade 190\n1250-147 Lisboa\nPortugal',
    weight: 3,
    models: ['AX-120', 'AX-200', 'NX-10'],
    serviceCentre: 'SC-LIS',
  },
  {
    code: 'KESTREL',
    name: 'Kestrel Telecom Ltd',
    country: 'GB',
    contactEmail: 'returns@kestrel-telecom.example',
    address: '14 Wharf Road\nLondon N1 7GR\nUnited Kingdom',
    weight: 3,
    models: ['AX-200', 'AX-350', 'NX-10'],
    serviceCentre: 'SC-HAM',
  },
  {
    code: 'SAHELNET',
    name: 'Sahelnet SARL',
    country: 'SN',
    contactEmail: 'sav@sahelnet.example',
    address: 'Route de Ngor 12\nDakar\nSenegal',
    weight: 1.5,
    models: ['NX-10', 'AX-120'],
    serviceCentre: 'SC-LIS',
  },
  {
    code: 'ANDESMOVIL',
    name: 'Andes Móvil SpA',
    country: 'CL',
    contactEmail: 'postventa@andesmovil.example',
    address: 'Avenida Apoquindo 4501, of. 302\nLas Condes, Santiago\nChile',
    weight: 2,
    models: ['AX-120', 'AX-200', 'NX-10', 'TB-80'],
    serviceCentre: 'SC-SCL',
  },
];

export interface ServiceCentreSpec {
  readonly code: string;
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly address: string;
}

export const SERVICE_CENTRES: readonly ServiceCentreSpec[] = [
  { code: 'SC-HAM', name: 'Service Centre Hamburg', city: 'Hamburg', country: 'DE', address: 'Billstraße 112, 20539 Hamburg' },
  { code: 'SC-LIS', name: 'Service Centre Lisbon', city: 'Lisbon', country: 'PT', address: 'Rua do Açúcar 88, 1950-010 Lisboa' },
  { code: 'SC-SCL', name: 'Service Centre Santiago', city: 'Santiago', country: 'CL', address: 'Av. Américo Vespucio 1501, Quilicura, Santiago' },
];

export interface PartSpec {
  readonly sku: string;
  readonly name: string;
  readonly category: PartCategory;
  /** Material cost in US cents. */
  readonly cost: number;
}

export interface ModelSpec {
  readonly code: string;
  readonly name: string;
  readonly kind: ModelKind;
  /** Printed at the start of every unit's barcode, followed by 8 digits. */
  readonly barcodePrefix: string;
  /** First of the model's 100 type allocation codes (the IMEI's first 8 digits). */
  readonly tacBase: number;
  /** Relative share of the orders. */
  readonly weight: number;
  /** Days before `today` the model went on sale; absent when older than the history. */
  readonly launchedDaysAgo?: number;
  /** Symptoms reported more often for this model than for others (a failure trend for analysts to find), with the factor. */
  readonly weakSpots?: Readonly<Record<string, number>>;
  /** How often its units fail, all failure modes, against the range's usual (life.ts). Default 1. */
  readonly reliability?: number;
  /** Parts that fail more often on this model than on others, with the factor. */
  readonly weakParts?: Readonly<Partial<Record<PartCategory, number>>>;
  readonly parts: readonly PartSpec[];
}

export const MODELS: readonly ModelSpec[] = [
  {
    code: 'AX-120',
    name: 'Axion 120',
    kind: 'PHONE',
    barcodePrefix: 'AX120',
    tacBase: 35_391_200,
    weight: 3,
    reliability: 1.15,
    weakParts: { TOUCH_PANEL: 3 },
    weakSpots: { 'Touch not responding in the lower half of the screen': 3 },
    parts: [
      { sku: 'AX120-MB', name: 'Mainboard 3/32 GB', category: 'MAINBOARD', cost: 3150 },
      { sku: 'AX120-LCD', name: 'LCD module 6.1" HD+', category: 'LCD', cost: 1480 },
      { sku: 'AX120-TP', name: 'Touch panel 6.1"', category: 'TOUCH_PANEL', cost: 620 },
      { sku: 'AX120-CAM', name: 'Rear camera 13 MP', category: 'CAMERA', cost: 540 },
      { sku: 'AX120-BAT', name: 'Battery 4000 mAh', category: 'BATTERY', cost: 490 },
      { sku: 'AX120-HSG', name: 'Back housing', category: 'HOUSING', cost: 260 },
      { sku: 'AX120-CHG', name: 'USB-C charger 10 W', category: 'ACCESSORY', cost: 290 },
    ],
  },
  {
    code: 'AX-200',
    name: 'Axion 200',
    kind: 'PHONE',
    barcodePrefix: 'AX200',
    tacBase: 35_391_300,
    weight: 4,
    parts: [
      { sku: 'AX200-MB', name: 'Mainboard 4/64 GB', category: 'MAINBOARD', cost: 4850 },
      { sku: 'AX200-LCD', name: 'LCD module 6.5" FHD+', category: 'LCD', cost: 2150 },
      { sku: 'AX200-TP', name: 'Touch panel 6.5"', category: 'TOUCH_PANEL', cost: 900 },
      { sku: 'AX200-CAM', name: 'Rear camera 50 MP', category: 'CAMERA', cost: 1250 },
      { sku: 'AX200-BAT', name: 'Battery 5000 mAh', category: 'BATTERY', cost: 690 },
      { sku: 'AX200-HSG', name: 'Back housing', category: 'HOUSING', cost: 380 },
      { sku: 'AX200-CHG', name: 'USB-C charger 18 W', category: 'ACCESSORY', cost: 350 },
    ],
  },
  {
    code: 'AX-350',
    name: 'Axion 350 Pro',
    kind: 'PHONE',
    barcodePrefix: 'AX350',
    tacBase: 35_391_400,
    weight: 2,
    launchedDaysAgo: 420,
    weakParts: { BATTERY: 3 },
    weakSpots: { 'Battery drains in 2 hours': 4, 'Overheats while charging': 5 },
    parts: [
      { sku: 'AX350-MB', name: 'Mainboard 8/128 GB', category: 'MAINBOARD', cost: 8900 },
      { sku: 'AX350-LCD', name: 'AMOLED display 6.7"', category: 'LCD', cost: 4600 },
      { sku: 'AX350-TP', name: 'Touch panel 6.7"', category: 'TOUCH_PANEL', cost: 1400 },
      { sku: 'AX350-CAM-R', name: 'Rear camera module 64 MP', category: 'CAMERA', cost: 2400 },
      { sku: 'AX350-CAM-F', name: 'Front camera 16 MP', category: 'CAMERA', cost: 650 },
      { sku: 'AX350-BAT', name: 'Battery 5000 mAh fast charge', category: 'BATTERY', cost: 840 },
      { sku: 'AX350-HSG', name: 'Glass back housing', category: 'HOUSING', cost: 720 },
      { sku: 'AX350-CHG', name: 'USB-C charger 33 W', category: 'ACCESSORY', cost: 590 },
    ],
  },
  {
    code: 'NX-10',
    name: 'Nexa 10',
    kind: 'FEATURE_PHONE',
    barcodePrefix: 'NX10',
    tacBase: 35_391_500,
    weight: 2.5,
    reliability: 0.8,
    parts: [
      { sku: 'NX10-MB', name: 'Mainboard 2G/4G', category: 'MAINBOARD', cost: 890 },
      { sku: 'NX10-LCD', name: 'LCD 2.4" QVGA', category: 'LCD', cost: 320 },
      { sku: 'NX10-KPD', name: 'Keypad', category: 'KEYPAD', cost: 110 },
      { sku: 'NX10-BAT', name: 'Battery 1000 mAh', category: 'BATTERY', cost: 190 },
      { sku: 'NX10-HSG', name: 'Front housing', category: 'HOUSING', cost: 140 },
      { sku: 'NX10-ANT', name: 'Antenna flex', category: 'ANTENNA', cost: 80 },
      { sku: 'NX10-CHG', name: 'Micro-USB charger 5 W', category: 'ACCESSORY', cost: 120 },
    ],
  },
  {
    code: 'TB-80',
    name: 'Tabula 8',
    kind: 'TABLET',
    barcodePrefix: 'TB80',
    tacBase: 35_391_600,
    weight: 1,
    reliability: 0.9,
    weakParts: { ANTENNA: 2.5 },
    weakSpots: { 'Wi-Fi disconnects every few minutes': 3 },
    parts: [
      { sku: 'TB80-MB', name: 'Mainboard 4/64 GB LTE', category: 'MAINBOARD', cost: 5600 },
      { sku: 'TB80-LCD', name: 'LCD 8" WXGA', category: 'LCD', cost: 2800 },
      { sku: 'TB80-TP', name: 'Touch panel 8"', category: 'TOUCH_PANEL', cost: 1250 },
      { sku: 'TB80-CAM', name: 'Rear camera 8 MP', category: 'CAMERA', cost: 420 },
      { sku: 'TB80-BAT', name: 'Battery 5100 mAh', category: 'BATTERY', cost: 780 },
      { sku: 'TB80-HSG', name: 'Rear housing', category: 'HOUSING', cost: 650 },
      { sku: 'TB80-ANT', name: 'LTE antenna', category: 'ANTENNA', cost: 160 },
      { sku: 'TB80-CHG', name: 'USB-C charger 15 W', category: 'ACCESSORY', cost: 310 },
    ],
  },
];

/** Countries generated customers and service centres are drawn from (ISO 3166-1 alpha-2). */
export const COUNTRIES: readonly string[] = [
  'DE',
  'FR',
  'ES',
  'IT',
  'NL',
  'PL',
  'PT',
  'SE',
  'GB',
  'IE',
  'SN',
  'MA',
  'KE',
  'NG',
  'CL',
  'PE',
  'CO',
  'MX',
  'AE',
  'IN',
];
