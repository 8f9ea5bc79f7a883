import { PartCategory, type PartItemFragment } from '@aftersale/graphql';
import { BooleanField, DataTable, SelectField } from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { MoneyField } from '../fields/MoneyField';

const Column = DataTable.Col<PartItemFragment>;

/** Spare parts as rows, for the parts list and a model's page (which leaves out the model column). */
export const PartsTable = ({ withModel = true }: { withModel?: boolean }) => (
  <DataTable bulkActionButtons={false} rowClick="edit">
    <Column source="sku" label="SKU" sx={{ fontFamily: 'monospace' }} />
    <Column source="name" label="Name" />
    {withModel && <Column source="model.name" label="Model" disableSort />}
    <Column source="category" label="Category">
      <SelectField source="category" choices={enumChoices(PartCategory)} />
    </Column>
    <Column source="materialCost" label="Material cost" align="right">
      <MoneyField source="materialCost" />
    </Column>
    <Column source="active" label="Active" disableSort>
      <BooleanField source="active" />
    </Column>
  </DataTable>
);
