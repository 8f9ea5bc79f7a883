import { PartCategory } from '@aftersale/graphql';
import { AutocompleteInput, NullableBooleanInput, ReferenceInput, SearchInput, SelectArrayInput, useTranslate } from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { PartsTable } from './PartsTable';
import { ConsoleList } from '../layout/ConsoleList';

/** Filter inputs are named like PartFilter's fields (part-operations.ts passes them through). */
const usePartFilters = () => [
  <SearchInput key="q" source="q" alwaysOn placeholder={useTranslate()('app.parts.search')} />,
  <ReferenceInput key="modelId" source="modelId" reference="models" alwaysOn>
    <AutocompleteInput label="app.parts.model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectArrayInput
    key="category"
    source="category"
    label="resources.parts.fields.category"
    choices={enumChoices(PartCategory)}
    alwaysOn
    sx={{ minWidth: 200 }}
  />,
  <NullableBooleanInput
    key="active"
    source="active"
    label="resources.parts.fields.active"
    alwaysOn
    nullLabel="app.list.any"
    trueLabel="app.list.active"
    falseLabel="app.list.inactive"
  />,
];

/** The spare parts of every model, with their material cost (what a paid repair charges at most). */
export const PartList = () => (
  <ConsoleList title="app.parts.parts" filters={usePartFilters()} perPage={25} exporter={false}>
    <PartsTable />
  </ConsoleList>
);
