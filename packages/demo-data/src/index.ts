export { generateDataSet, type GenerateOptions } from './generate.js';
export { writeDataSet, type SqlClient, type WriteOptions } from './write.js';
export {
  CLAIM_STATUSES,
  TABLES_IN_WRITE_ORDER,
  type AppUserRow,
  type ClaimEventRow,
  type ClaimRow,
  type ClaimStatus,
  type CustomerRow,
  type DataSet,
  type DataSetRows,
  type DataSetTables,
  type DeviceRow,
  type PartRow,
  type ProductModelRow,
  type SalesOrderRow,
  type ServiceCentreRow,
  type SpareShipmentRow,
  type StockRow,
  type TableName,
} from './rows.js';
export { generateLargeDataSet, type LargeDataSetOptions, type LoadPhase, type LoadProgress, type LoadReport } from './large.js';
export { FAILURE_MODES, plantedDefects, type FailureMode, type PlantedDefect } from './life.js';
