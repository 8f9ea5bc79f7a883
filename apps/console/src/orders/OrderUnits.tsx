import type { DeviceListItemFragment } from '@aftersale/graphql';
import { InputAdornment, TextField as MuiTextField, Typography } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useEffect, useState } from 'react';
import { DataTable, Pagination, ReferenceManyField, TextField, useListContext } from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';

const Column = DataTable.Col<DeviceListItemFragment>;

/** The order's units, by IMEI, paginated; the search matches the first digits of an IMEI. */
export const OrderUnits = () => (
  <ReferenceManyField
    reference="devices"
    target="orderId"
    sort={{ field: 'imei', order: 'ASC' }}
    perPage={10}
    pagination={<Pagination rowsPerPageOptions={[10, 25, 50]} />}
  >
    <ImeiSearch />
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      empty={
        <Typography color="text.secondary" data-testid="order-units-empty">
          No units here yet: import the customer's CSV file.
        </Typography>
      }
    >
      <Column source="imei" label="resources.orders.fields.imei">
        <TextField source="imei" sx={{ fontFamily: 'monospace' }} data-testid="order-unit-imei" />
      </Column>
      <Column source="barcode" label="resources.orders.fields.barcode" disableSort />
      <Column source="receivedOn" label="resources.orders.fields.receivedOn">
        <LocalDateField source="receivedOn" emptyText="—" />
      </Column>
      <Column source="lastCoveredDay" label="resources.orders.fields.lastCoveredDay" disableSort>
        <LocalDateField source="lastCoveredDay" emptyText="—" />
      </Column>
    </DataTable>
  </ReferenceManyField>
);

/** Filters the surrounding list by IMEI prefix, a moment after the user stops typing. */
const ImeiSearch = () => {
  const list = useListContext();
  const { setFilters } = list;
  const filterValues = list.filterValues as Record<string, unknown>;
  const [imei, setImei] = useState(typeof filterValues['imei'] === 'string' ? filterValues['imei'] : '');
  useEffect(() => {
    const timer = setTimeout(() => setFilters(imei.trim() ? { imei: imei.trim() } : {}, undefined), 300);
    return () => clearTimeout(timer);
  }, [imei, setFilters]);
  return (
    <MuiTextField
      size="small"
      label="app.orders.imei_starts_with"
      value={imei}
      onChange={(event) => setImei(event.target.value.replace(/\D/g, ''))}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
        htmlInput: { inputMode: 'numeric', 'data-testid': 'order-units-search' },
      }}
      sx={{ mb: 1, maxWidth: 280 }}
    />
  );
};
