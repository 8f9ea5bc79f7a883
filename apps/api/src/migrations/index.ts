import { Migration0001Initial } from './0001-initial.js';
import { Migration0002StockAndImports } from './0002-stock-and-imports.js';
import { Migration0003ClaimsFlow } from './0003-claims-flow.js';
import { Migration0004ReplacedUnits } from './0004-replaced-units.js';
import { Migration0005ReadIndexes } from './0005-read-indexes.js';
import { Migration0009CustomerAddress } from './0009-customer-address.js';
import { Migration0006AnalyticsRollups } from './0006-analytics-rollups.js';
import { Migration0007Delivery } from './0007-delivery.js';
import { Migration0008SignInSecurity } from './0008-sign-in-security.js';
import { Migration0012AnalyticsRollupVersion } from './0012-analytics-rollup-version.js';
import { Migration0013EventSequencer } from './0013-event-sequencer.js';
import { Migration0014SearchWithoutPendingLists } from './0014-search-without-pending-lists.js';
import { Migration0015ClaimEventIndexes } from './0015-claim-event-indexes.js';
import { Migration0016StaffAccessEnded } from './0016-staff-access-ended.js';
import { Migration0017SortNameIndexes } from './0017-sort-name-indexes.js';
import { Migration0018AnalyticsFill } from './0018-analytics-fill.js';
import { Migration0019ClaimNumbersPastTenMillion } from './0019-claim-numbers-past-ten-million.js';
import { Migration0020RedundantIndexes } from './0020-redundant-indexes.js';
import { Migration0021ImeiOneIndex } from './0021-imei-one-index.js';
import { Migration0022BarcodeCCollation } from './0022-barcode-c-collation.js';
import { Migration0023AnalyticsMonthDatePart } from './0023-analytics-month-date-part.js';
import { Migration0024AnalyticsClaimsReadOnce } from './0024-analytics-claims-read-once.js';

/** Committed migrations, in order. A new migration is a new file and a new line here. */
export const migrations = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0002-stock-and-imports', class: Migration0002StockAndImports },
  { name: '0003-claims-flow', class: Migration0003ClaimsFlow },
  { name: '0004-replaced-units', class: Migration0004ReplacedUnits },
  { name: '0005-read-indexes', class: Migration0005ReadIndexes },
  { name: '0006-analytics-rollups', class: Migration0006AnalyticsRollups },
  { name: '0007-delivery', class: Migration0007Delivery },
  { name: '0008-sign-in-security', class: Migration0008SignInSecurity },
  { name: '0009-customer-address', class: Migration0009CustomerAddress },
  { name: '0012-analytics-rollup-version', class: Migration0012AnalyticsRollupVersion },
  { name: '0013-event-sequencer', class: Migration0013EventSequencer },
  { name: '0014-search-without-pending-lists', class: Migration0014SearchWithoutPendingLists },
  { name: '0015-claim-event-indexes', class: Migration0015ClaimEventIndexes },
  { name: '0016-staff-access-ended', class: Migration0016StaffAccessEnded },
  { name: '0017-sort-name-indexes', class: Migration0017SortNameIndexes },
  { name: '0018-analytics-fill', class: Migration0018AnalyticsFill },
  { name: '0019-claim-numbers-past-ten-million', class: Migration0019ClaimNumbersPastTenMillion },
  { name: '0020-redundant-indexes', class: Migration0020RedundantIndexes },
  { name: '0021-imei-one-index', class: Migration0021ImeiOneIndex },
  { name: '0022-barcode-c-collation', class: Migration0022BarcodeCCollation },
  { name: '0023-analytics-month-date-part', class: Migration0023AnalyticsMonthDatePart },
  { name: '0024-analytics-claims-read-once', class: Migration0024AnalyticsClaimsReadOnce },
];
