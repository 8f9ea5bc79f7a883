import { CreateApiKeyDocument, type CreateApiKeyMutation } from '@aftersale/graphql';
import { TextInput, maxLength, required, useTranslate } from 'react-admin';
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
}) => {
  const translate = useTranslate();
  return (
    <MutationDialog
      open={open}
      onClose={onClose}
      title={translate('app.customers.new_api_key')}
      description={translate('app.customers.keys.name_hint')}
      submitLabel={translate('app.customers.keys.create')}
      successMessage={translate('app.customers.keys.created')}
      testId="create-api-key-dialog"
      onSubmit={async (values) => {
        const { createApiKey } = await request(CreateApiKeyDocument, { input: { customerId, name: typed(values, 'name') } });
        onCreated(createApiKey);
      }}
    >
      <TextInput
        source="name"
        label="resources.customers.fields.name"
        placeholder={translate('app.customers.keys.name_example')}
        validate={[required(), maxLength(100)]}
        autoFocus
      />
    </MutationDialog>
  );
};
