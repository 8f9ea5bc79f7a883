import { StockMovementKind } from '@aftersale/graphql';
import { SelectArrayInput } from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { ServiceCentreSelectInput } from '../fields/ServiceCentreSelectInput';
import { StockMovementTable } from '../stock/StockMovementTable';
import { ConsoleList } from '../layout/ConsoleList';

const movementFilters = [
  <ServiceCentreSelectInput key="serviceCentreId" source="serviceCentreId" label="resources.stock-movements.fields.serviceCentreId" alwaysOn />,
  <SelectArrayInput
    key="kind"
    source="kind"
    label="resources.stock-movements.fields.kind"
    choices={enumChoices(StockMovementKind)}
    alwaysOn
    sx={{ minWidth: 200 }}
  />,
];

/** The stock ledger of every centre, newest first. */
export const StockMovementList = () => (
  <ConsoleList title="app.stock-movements.stock_movements" filters={movementFilters} perPage={25} exporter={false} sort={{ field: 'createdAt', order: 'DESC' }}>
    <StockMovementTable where />
  </ConsoleList>
);
