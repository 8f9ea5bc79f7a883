import { InstantField } from '../fields/InstantField';
import { ApiKeysDocument, type ApiKeyItemFragment, type CreateApiKeyMutation } from '@aftersale/graphql';
import KeyIcon from '@mui/icons-material/Key';
import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { DataTable, FunctionField, ListContextProvider, ResourceContextProvider, useList, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { Section } from '../layout/Section';
import { publicPart } from './api-key';
import { ApiKeySecretDialog } from './ApiKeySecretDialog';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';

const Column = DataTable.Col<ApiKeyItemFragment>;

/** The keys a customer's integrations call the API with (administrators only, as the API has it). */
export const ApiKeysPanel = ({ customerId }: { customerId: string }) => {
  const { data, isPending, error } = useApiQuery(ApiKeysDocument, { customerId });
  const [creating, setCreating] = useState(false);
  const translate = useTranslate();
  const [created, setCreated] = useState<CreateApiKeyMutation['createApiKey'] | null>(null);
  const keys = useList<ApiKeyItemFragment>({ data: data?.apiKeys ?? [], isPending, perPage: 1000 });
  return (
    <Section title="app.customers.integrator_api_keys" size={{ xs: 12, md: 7 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.customers.keys.explanation')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      <ResourceContextProvider value="api-keys">
        <ListContextProvider value={keys}>
          <DataTable
            bulkActionButtons={false}
            rowClick={false}
            data-testid="api-keys"
            empty={<Typography color="text.secondary">{translate('app.customers.keys.none')}</Typography>}
          >
            <Column source="name" label="resources.customers.fields.name" disableSort />
            <Column source="prefix" label="resources.customers.fields.prefix" disableSort sx={{ fontFamily: 'monospace' }}>
              <FunctionField<ApiKeyItemFragment> render={(key) => publicPart(key)} />
            </Column>
            <Column source="createdAt" label="resources.customers.fields.createdAt" disableSort>
              <InstantField source="createdAt" showTime />
            </Column>
            <Column source="lastUsedAt" label="resources.customers.fields.lastUsedAt" disableSort>
              <InstantField source="lastUsedAt" showTime emptyText="app.customers.never" />
            </Column>
            <Column source="revokedAt" label="resources.customers.fields.revokedAt" disableSort>
              <InstantField source="revokedAt" showTime emptyText="—" />
            </Column>
            <Column label="" disableSort align="right">
              <RevokeApiKeyButton />
            </Column>
          </DataTable>
        </ListContextProvider>
      </ResourceContextProvider>
      <Box>
        <Button variant="outlined" startIcon={<KeyIcon />} onClick={() => setCreating(true)} data-testid="create-api-key">
          {translate('app.customers.keys.new')}
        </Button>
      </Box>
      <CreateApiKeyDialog customerId={customerId} open={creating} onClose={() => setCreating(false)} onCreated={setCreated} />
      <ApiKeySecretDialog created={created} onClose={() => setCreated(null)} />
    </Section>
  );
};
