import type { OrderDetailFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { SimpleForm, useRecordContext } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';
import { OrderInputs } from './OrderInputs';

export const OrderEdit = () => (
  <VersionedEdit redirect="show" title={<OrderTitle />}>
    <OrderForm />
  </VersionedEdit>
);

const OrderTitle = () => {
  const order = useRecordContext<OrderDetailFragment>();
  return <span>{order ? `Order ${order.number}` : 'Order'}</span>;
};

const OrderForm = () => {
  const order = useRecordContext<OrderDetailFragment>();
  return (
    <SimpleForm sx={{ maxWidth: 560 }}>
      {order && (
        <Typography color="text.secondary" data-testid="order-edit-summary">
          {order.model.name} for {order.customer.name}
        </Typography>
      )}
      <OrderInputs received={order?.receivedOn != null} />
    </SimpleForm>
  );
};
