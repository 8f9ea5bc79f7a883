import { FormType, type AnalyticsFilter, type CustomerItemFragment, type ProductModelItemFragment } from '@aftersale/graphql';
import { Box, Button, Chip, FormControl, InputLabel, MenuItem, OutlinedInput, Select, TextField } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';

interface Props {
  filter: AnalyticsFilter;
  onChange: (next: AnalyticsFilter) => void;
}

/** The month filters; each label is `aftersale.analytics.filter.<key>`. */
const monthFields = ['receiptFrom', 'receiptTo', 'claimFrom', 'claimTo'] as const;

/** Models, customer, form type, receipt and claim periods: every analytics figure follows them. */
export const AnalyticsFilterBar = ({ filter, onChange }: Props) => {
  const translate = useTranslate();
  const { data: models = [] } = useGetList<ProductModelItemFragment>('models', { pagination: { page: 1, perPage: 200 } });
  const { data: customers = [] } = useGetList<CustomerItemFragment>('customers', { pagination: { page: 1, perPage: 200 } });
  const selectedModels = (filter.modelIds ?? []).map(String);
  const set = (patch: Partial<AnalyticsFilter>) => onChange({ ...filter, ...patch });
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }} data-testid="analytics-filter">
      <FormControl size="small" fullWidth={false} sx={{ minWidth: 220 }}>
        <InputLabel id="analytics-models">{translate('aftersale.analytics.filter.models')}</InputLabel>
        <Select
          labelId="analytics-models"
          multiple
          value={selectedModels}
          onChange={(event) => set({ modelIds: typeof event.target.value === 'string' ? event.target.value.split(',') : event.target.value })}
          input={<OutlinedInput label={translate('aftersale.analytics.filter.models')} />}
          renderValue={(ids) => (
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
              {ids.map((id) => (
                <Chip key={id} size="small" label={models.find((model) => String(model.id) === id)?.name ?? id} />
              ))}
            </Box>
          )}
          inputProps={{ 'data-testid': 'filter-models' }}
        >
          {models.map((model) => (
            <MenuItem key={model.id} value={String(model.id)}>
              {model.name}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <TextField
        select
        fullWidth={false}
        size="small"
        sx={{ minWidth: 180 }}
        label={translate('aftersale.analytics.filter.customer')}
        value={filter.customerId ? String(filter.customerId) : ''}
        onChange={(event) => set({ customerId: event.target.value || undefined })}
      >
        <MenuItem value="">{translate('aftersale.analytics.filter.all')}</MenuItem>
        {customers.map((customer) => (
          <MenuItem key={customer.id} value={String(customer.id)}>
            {customer.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        fullWidth={false}
        size="small"
        sx={{ minWidth: 150 }}
        label={translate('aftersale.analytics.filter.formType')}
        value={filter.formType ?? ''}
        onChange={(event) => set({ formType: (event.target.value || undefined) as AnalyticsFilter['formType'] })}
      >
        <MenuItem value="">{translate('aftersale.analytics.filter.all')}</MenuItem>
        <MenuItem value={FormType.REPAIR}>{translate('app.enum.REPAIR')}</MenuItem>
        <MenuItem value={FormType.REPLACEMENT}>{translate('app.enum.REPLACEMENT')}</MenuItem>
      </TextField>
      {monthFields.map((key) => (
        <TextField
          key={key}
          type="month"
          fullWidth={false}
          sx={{ width: 170 }}
          size="small"
          label={translate(`aftersale.analytics.filter.${key}`)}
          value={filter[key] ?? ''}
          onChange={(event) => set({ [key]: event.target.value || undefined })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `filter-${key}` } }}
        />
      ))}
      <Button onClick={() => onChange({})} data-testid="filter-clear">
        {translate('aftersale.analytics.filter.clear')}
      </Button>
    </Box>
  );
};
