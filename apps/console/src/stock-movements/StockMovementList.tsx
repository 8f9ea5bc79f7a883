import { StockMovementKind } from '@aftersale/graphql';
import { List, SelectArrayInput } from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { ServiceCentreSelectInput } from '../fields/ServiceCentreSelectInput';
import { StockMovementTable } from '../stock/StockMovementTable';

const movementFilters = [
  <ServiceCentreSelectInput key="serviceCentreId" source="serviceCentreId" label="Service centre" alwaysOn />,
  <SelectArrayInput key="kind" source="kind" label="Kind" choices={enumChoices(StockMovementKind)} alwaysOn sx={{ minWidth: 200 }} />,
];

/** The stock ledger of every centre, newest first. */
export const StockMovementList = () => (
  <List title="Stock movements" filters={movementFilters} perPage={25} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <StockMovementTable where />
  </List>
);
