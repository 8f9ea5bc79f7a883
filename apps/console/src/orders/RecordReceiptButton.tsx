import {
  OrderModelPartsDocument,
  RecordOrderReceiptDocument,
  type NegotiatedAllowanceInput,
  type OrderDetailFragment,
  type OrderPartFragment,
  type RecordOrderReceiptInput,
} from '@aftersale/graphql';
import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { BooleanInput, DateInput, NumberInput, TextInput, minValue, required, useTranslate } from 'react-admin';
import { useApiQuery, request } from '../api/request';
import { numberOf, trimmedInput, type FormData } from '../api/operation';
import { today } from '../fields/local-date';
import { MutationDialogButton } from '../layout/MutationDialogButton';

/** W2, S1–S3: the customer received the goods; the spare parts shipped with them are recorded at once. */
export const RecordReceiptButton = ({ order }: { order: OrderDetailFragment }) => {
  const aboveLimit = !order.allowance.withinLimit;
  const parts = useApiQuery(OrderModelPartsDocument, { modelId: order.model.id }, { enabled: aboveLimit });
  const modelParts = parts.data?.parts.items ?? [];
  const translate = useTranslate();
  return (
    <MutationDialogButton
      label="app.orders.record_receipt"
      variant="contained"
      testId="order-record-receipt"
      title={`${translate('app.orders.record_receipt')} — ${order.number}`}
      description={
        aboveLimit ? translate('app.orders.receipt.above_limit', { limit: order.allowance.maxOrderQuantity }) : translate('app.orders.receipt.within_limit')
      }
      submitLabel={translate('app.orders.record_receipt')}
      defaultValues={{ receivedOn: today(), negotiated: false }}
      maxWidth={aboveLimit ? 'md' : 'sm'}
      onSubmit={(values) => request(RecordOrderReceiptDocument, { input: receiptInput(order, modelParts, values) })}
      successMessage={`${order.number}: ${translate('app.orders.receipt.done')}`}
    >
      <DateInput source="receivedOn" label="resources.orders.fields.receivedOn" validate={required()} />
      {aboveLimit &&
        (parts.isPending ? (
          <LinearProgress aria-label={translate('app.orders.loading_the_model_s_parts')} />
        ) : (
          <NegotiatedAllowanceInputs parts={modelParts} />
        ))}
    </MutationDialogButton>
  );
};

/** S3: a reason and a quantity per part of the model, named like NegotiatedAllowanceInput so an API refusal shows under its input. */
const NegotiatedAllowanceInputs = ({ parts }: { parts: readonly OrderPartFragment[] }) => {
  const negotiated = useWatch({ name: 'negotiated' }) === true;
  const translate = useTranslate();
  return (
    <Stack>
      <BooleanInput source="negotiated" label="resources.orders.fields.negotiated" />
      {negotiated && (
        <>
          <TextInput source="negotiatedAllowance.reason" label="resources.orders.fields.negotiatedAllowance.reason" validate={required()} multiline fullWidth />
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {translate('app.orders.receipt.per_part')}
          </Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', columnGap: 2 }}>
            {parts.map((part, index) => (
              <NumberInput
                key={part.id}
                source={`negotiatedAllowance.lines.${index}.quantity`}
                label={`${part.sku} ${part.name}`}
                min={0}
                step={1}
                validate={minValue(0)}
                data-testid="negotiated-line"
              />
            ))}
          </Box>
        </>
      )}
    </Stack>
  );
};

function receiptInput(order: OrderDetailFragment, parts: readonly OrderPartFragment[], values: FormData): RecordOrderReceiptInput {
  return {
    id: order.id,
    version: order.version,
    receivedOn: trimmedInput(values, 'receivedOn'),
    negotiatedAllowance: values['negotiated'] === true ? negotiatedAllowance(parts, values) : null,
  };
}

/** The parts left blank get none. */
function negotiatedAllowance(parts: readonly OrderPartFragment[], values: FormData): NegotiatedAllowanceInput {
  const typed = (values['negotiatedAllowance'] ?? {}) as FormData;
  const lines = Array.isArray(typed['lines']) ? (typed['lines'] as FormData[]) : [];
  return {
    reason: trimmedInput(typed, 'reason'),
    lines: parts.map((part, index) => ({ partId: part.id, quantity: numberOf(lines[index] ?? {}, 'quantity') ?? 0 })),
  };
}
