import { PartCategory, type PartItemFragment } from '@aftersale/graphql';
import { BooleanField, DataTable, SelectField, SimpleList, useTranslate } from 'react-admin';
import { enumChoices, enumKey } from '../fields/enum-label';
import { formatMoney } from '../fields/money';
import { useSmallScreen } from '../layout/use-small-screen';
import { MoneyField } from '../fields/MoneyField';

const Column = DataTable.Col<PartItemFragment>;

/** Spare parts as rows, for the parts list and a model's page (which leaves out the model column); a simple list on a phone. */
export const PartsTable = ({ withModel = true }: { withModel?: boolean }) => {
  const translate = useTranslate();
  if (useSmallScreen())
    return (
      <SimpleList<PartItemFragment>
        primaryText={(part) => part.name}
        secondaryText={(part) => [part.sku, withModel ? part.model.name : undefined, translate(enumKey(part.category))].filter(Boolean).join(' · ')}
        tertiaryText={(part) => formatMoney(part.materialCost, part.currency)}
        linkType="edit"
      />
    );
  return (
    <DataTable bulkActionButtons={false} rowClick="edit">
      <Column source="sku" label="resources.parts.fields.sku" sx={{ fontFamily: 'monospace' }} />
      <Column source="name" label="resources.parts.fields.name" />
      {withModel && <Column source="model.name" label="resources.parts.fields.model.name" disableSort />}
      <Column source="category" label="resources.parts.fields.category">
        <SelectField source="category" choices={enumChoices(PartCategory)} />
      </Column>
      <Column source="materialCost" label="resources.parts.fields.materialCost" align="right">
        <MoneyField source="materialCost" />
      </Column>
      <Column source="active" label="resources.parts.fields.active" disableSort>
        <BooleanField source="active" />
      </Column>
    </DataTable>
  );
};
