import { CreateApiKeyDocument, type CreateApiKeyMutation } from '@aftersale/graphql';
import { TextInput, maxLength, required } from 'react-admin';
import { typed } from '../api/operation';
import { request } from '../api/request';
import { MutationDialog } from '../layout/MutationDialog';

/** Names a new key for the customer; the API answers with its secret, handed on to be shown once. */
export const CreateApiKeyDialog = ({
  customerId,
  open,
  onClose,
  onCreated,
}: {
  customerId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (created: CreateApiKeyMutation['createApiKey']) => void;
}) => (
  <MutationDialog
    open={open}
    onClose={onClose}
    title="app.customers.new_api_key"
    description="Name the key after the integration that will use it, so it can be told apart and revoked alone."
    submitLabel="Create key"
    successMessage="API key created"
    testId="create-api-key-dialog"
    onSubmit={async (values) => {
      const { createApiKey } = await request(CreateApiKeyDocument, { input: { customerId, name: typed(values, 'name') } });
      onCreated(createApiKey);
    }}
  >
    <TextInput source="name" label="resources.customers.fields.name" placeholder="ERP integration" validate={[required(), maxLength(100)]} autoFocus />
  </MutationDialog>
);
