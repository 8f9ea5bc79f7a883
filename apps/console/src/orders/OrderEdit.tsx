import type { OrderDetailFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { SimpleForm, useRecordContext, useTranslate } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';
import { OrderInputs } from './OrderInputs';

export const OrderEdit = () => (
  <VersionedEdit redirect="show" title={<OrderTitle />}>
    <OrderForm />
  </VersionedEdit>
);

const OrderTitle = () => {
  const order = useRecordContext<OrderDetailFragment>();
  const translate = useTranslate();
  return <span>{order ? translate('app.orders.title', { number: order.number }) : translate('resources.orders.name', { smart_count: 1 })}</span>;
};

const OrderForm = () => {
  const order = useRecordContext<OrderDetailFragment>();
  const translate = useTranslate();
  return (
    <SimpleForm sx={{ maxWidth: 560 }}>
      {order && (
        <Typography color="text.secondary" data-testid="order-edit-summary">
          {translate('app.orders.edit_summary', { model: order.model.name, customer: order.customer.name })}
        </Typography>
      )}
      <OrderInputs received={order?.receivedOn != null} />
    </SimpleForm>
  );
};
