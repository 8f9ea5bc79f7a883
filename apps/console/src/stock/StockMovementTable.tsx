import { InstantField } from '../fields/InstantField';
import { StockMovementKind, type StockMovementItemFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { DataTable, SelectField, SimpleList, useRecordContext, useTranslate } from 'react-admin';
import { enumChoices, enumKey } from '../fields/enum-label';
import { formatDateTime } from '../fields/local-date';
import { useSmallScreen } from '../layout/use-small-screen';

const Column = DataTable.Col<StockMovementItemFragment>;

/** Positive in, negative out. */
const Delta = () => {
  const movement = useRecordContext<StockMovementItemFragment>();
  if (!movement) return null;
  return (
    <Typography
      component="span"
      variant="body2"
      color={movement.delta < 0 ? 'error' : 'success.main'}
      sx={{ fontVariantNumeric: 'tabular-nums' }}
      data-testid="stock-movement-delta"
    >
      {movement.delta > 0 ? `+${movement.delta}` : movement.delta}
    </Typography>
  );
};

/** The ledger's rows (inside a list or a ReferenceManyField): when, what, how many, why, who. `where` adds the centre and part columns. */
export const StockMovementTable = ({ where = false }: { where?: boolean }) => {
  const translate = useTranslate();
  const empty = <Typography color="text.secondary">{translate('app.stock.no_movement')}</Typography>;
  if (useSmallScreen())
    return (
      <SimpleList<StockMovementItemFragment>
        primaryText={(movement) =>
          `${movement.delta > 0 ? '+' : ''}${movement.delta} · ${translate(enumKey(movement.kind))}${where ? ` · ${movement.part.sku}` : ''}`
        }
        secondaryText={(movement) => [where ? movement.serviceCentre.name : undefined, movement.reason, movement.actorName].filter(Boolean).join(' · ')}
        tertiaryText={(movement) => formatDateTime(movement.createdAt)}
        linkType={false}
        empty={empty}
      />
    );
  return (
    <DataTable bulkActionButtons={false} rowClick={false} empty={empty}>
      <Column source="createdAt" label="resources.stock.fields.createdAt" disableSort>
        <InstantField source="createdAt" showTime />
      </Column>
      {where && <Column source="serviceCentre.name" label="resources.stock.fields.serviceCentre.name" disableSort />}
      {where && <Column source="part.sku" label="resources.stock.fields.part.sku" disableSort />}
      <Column source="kind" label="resources.stock.fields.kind" disableSort>
        <SelectField source="kind" choices={enumChoices(StockMovementKind)} data-testid="stock-movement-kind" />
      </Column>
      <Column source="delta" label="app.stock.pieces" disableSort align="right">
        <Delta />
      </Column>
      <Column source="reason" label="app.stock.reason" disableSort />
      <Column source="actorName" label="resources.stock.fields.actorName" disableSort />
    </DataTable>
  );
};
