import type { ProductModelItemFragment } from '@aftersale/graphql';
import { DataTable, FunctionField, SearchInput, SimpleList, useTranslate } from 'react-admin';
import { enumKey } from '../fields/enum-label';
import { useSmallScreen } from '../layout/use-small-screen';
import { ConsoleList } from '../layout/ConsoleList';

const Column = DataTable.Col<ProductModelItemFragment>;

/** The product models the maker sells; the API lists them by name. A simple list on a phone. */
export const ProductModelList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  // `kind` is a string in the schema: known kinds have words, any other shows as it is.
  const kind = (model: ProductModelItemFragment) => translate(enumKey(model.kind), { _: model.kind });
  return (
    <ConsoleList
      title="app.models.models"
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder={translate('app.list.code_or_name')} />]}
      perPage={25}
      exporter={false}
    >
      {small ? (
        <SimpleList<ProductModelItemFragment> primaryText={(model) => model.name} secondaryText={(model) => model.code} tertiaryText={kind} linkType="show" />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show">
          <Column source="code" label="resources.models.fields.code" />
          <Column source="name" label="resources.models.fields.name" />
          <Column source="kind" label="resources.models.fields.kind" disableSort>
            <FunctionField<ProductModelItemFragment> render={kind} />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
