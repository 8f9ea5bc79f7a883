import { InstantField } from '../fields/InstantField';
import { PartCategory, type StockLevelItemFragment } from '@aftersale/graphql';
import {
  AutocompleteInput,
  BooleanInput,
  DataTable,
  FilterButton,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextField,
  SimpleList,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { useSmallScreen } from '../layout/use-small-screen';
import { ServiceCentreSelectInput } from '../fields/ServiceCentreSelectInput';
import { LowStockChip } from './LowStockChip';
import { StockMoveButtons } from './StockMoveButtons';
import { ConsoleList } from '../layout/ConsoleList';

/** Filter inputs are named like StockFilter's fields (stock-operations.ts passes them through). */
const useStockFilters = () => [
  <SearchInput key="q" source="q" alwaysOn placeholder={useTranslate()('app.stock.search')} />,
  <ServiceCentreSelectInput key="serviceCentreId" source="serviceCentreId" label="resources.stock.fields.serviceCentreId" alwaysOn />,
  // The low-stock view: what needs ordering.
  <BooleanInput key="low" source="low" label="resources.stock.fields.low" alwaysOn data-testid="stock-low-only" />,
  <ReferenceInput key="modelId" source="modelId" reference="models" label="resources.stock.fields.modelId">
    <AutocompleteInput label="app.stock.model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectArrayInput key="category" source="category" label="resources.stock.fields.category" choices={enumChoices(PartCategory)} sx={{ minWidth: 200 }} />,
];

const Column = DataTable.Col<StockLevelItemFragment>;

const RowMoves = () => {
  const level = useRecordContext<StockLevelItemFragment>();
  return level ? <StockMoveButtons level={level} /> : null;
};

/** Stock per service centre and part, low-stock first when asked; receive, adjust and consume in the row. */
export const StockList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  return (
    <ConsoleList
      title="app.stock.stock"
      filters={useStockFilters()}
      actions={
        <TopToolbar sx={{ flexWrap: 'wrap' }}>
          <FilterButton />
        </TopToolbar>
      }
      sort={{ field: 'part.sku', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      {small ? (
        <SimpleList<StockLevelItemFragment>
          primaryText={(level) => `${level.part.sku} ${level.part.name}`}
          secondaryText={(level) => `${level.serviceCentre.name} · ${level.part.model.name}`}
          tertiaryText={(level) => translate('app.stock.on_hand_count', { onHand: level.onHand, threshold: level.lowStockThreshold })}
          leftIcon={() => <LowStockChip />}
          linkType="show"
          rowSx={() => ({ flexWrap: 'wrap' })}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="serviceCentre.name" label="resources.stock.fields.serviceCentre.name" disableSort>
            <TextField source="serviceCentre.name" data-testid="stock-row-centre" />
          </Column>
          <Column source="part.sku" label="resources.stock.fields.part.sku">
            <TextField source="part.sku" sx={{ fontFamily: 'monospace' }} data-testid="stock-row-sku" />
          </Column>
          <Column source="part.name" label="resources.stock.fields.part.name" disableSort />
          <Column source="part.model.name" label="resources.stock.fields.part.model.name" disableSort />
          <Column source="onHand" label="resources.stock.fields.onHand" align="right">
            <NumberField source="onHand" data-testid="stock-row-on-hand" />
          </Column>
          <Column source="lowStockThreshold" label="resources.stock.fields.lowStockThreshold" disableSort align="right">
            <NumberField source="lowStockThreshold" />
          </Column>
          <Column source="low" label="app.stock.level" disableSort>
            <LowStockChip />
          </Column>
          <Column source="updatedAt" label="resources.stock.fields.updatedAt">
            <InstantField source="updatedAt" showTime />
          </Column>
          <Column label="app.stock.movements" disableSort>
            <RowMoves />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
