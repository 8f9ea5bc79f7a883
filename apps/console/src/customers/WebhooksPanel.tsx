import {
  CreateWebhookEndpointDocument,
  DisableWebhookEndpointDocument,
  EnableWebhookEndpointDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  WebhookDeliveriesDocument,
  WebhookEndpointsDocument,
  type WebhookEndpointItemFragment,
} from '@aftersale/graphql';
import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { currentLocaleTag } from '../i18n/i18nProvider';
import { request, useApiQuery } from '../api/request';
import { Section } from '../layout/Section';

const when = (value: string | null | undefined) => (value ? new Date(value).toLocaleString(currentLocaleTag()) : '—');

/** A customer's webhook endpoints: register, enable or disable, rotate the secret, and each one's delivery log. */
export const WebhooksPanel = ({ customerId }: { customerId: string }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const { data, error, refetch } = useApiQuery(WebhookEndpointsDocument, { customerId });
  const [url, setUrl] = useState('');
  const [eventTypes, setEventTypes] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await refetch();
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };
  const create = () =>
    run(async () => {
      const types = eventTypes
        .split(',')
        .map((type) => type.trim())
        .filter(Boolean);
      const created = await request(CreateWebhookEndpointDocument, { input: { customerId, url, eventTypes: types } });
      setSecret(created.createWebhookEndpoint.secret);
      setUrl('');
      setEventTypes('');
    });
  const rotate = (id: string) => run(async () => setSecret((await request(RotateWebhookSecretDocument, { id })).rotateWebhookSecret.secret));
  return (
    <Section title="app.customers.webhook_endpoints" size={{ xs: 12 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('app.customers.webhooks.explanation')}
      </Typography>
      {error && <Alert severity="error">{error.message}</Alert>}
      {secret && (
        <Alert severity="warning" onClose={() => setSecret(null)} data-testid="webhook-secret">
          {translate('app.customers.webhooks.secret')} <code>{secret}</code>
        </Alert>
      )}
      <Table size="small" data-testid="webhook-endpoints">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.customers.webhooks.url')}</TableCell>
            <TableCell>{translate('app.customers.webhooks.events')}</TableCell>
            <TableCell>{translate('app.customers.webhooks.state')}</TableCell>
            <TableCell align="right" />
          </TableRow>
        </TableHead>
        <TableBody>
          {(data?.webhookEndpoints ?? []).map((endpoint: WebhookEndpointItemFragment) => (
            <TableRow key={endpoint.id}>
              <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{endpoint.url}</TableCell>
              <TableCell>{endpoint.eventTypes.length ? endpoint.eventTypes.join(', ') : translate('app.customers.webhooks.all')}</TableCell>
              <TableCell>
                {endpoint.failingSince ? (
                  <Chip size="small" color="error" label={translate('app.customers.webhooks.failing_since', { date: when(endpoint.failingSince) })} />
                ) : (
                  <Chip
                    size="small"
                    color={endpoint.enabled ? 'success' : 'default'}
                    label={translate(endpoint.enabled ? 'app.customers.webhooks.enabled' : 'app.customers.webhooks.disabled')}
                  />
                )}
              </TableCell>
              <TableCell align="right">
                <Stack direction="row" spacing={1} justifyContent="flex-end">
                  {endpoint.enabled && !endpoint.failingSince ? (
                    <Button size="small" onClick={() => void run(() => request(DisableWebhookEndpointDocument, { id: endpoint.id }))}>
                      {translate('app.customers.webhooks.disable')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void run(() => request(EnableWebhookEndpointDocument, { id: endpoint.id }))}>
                      {translate('app.customers.webhooks.enable')}
                    </Button>
                  )}
                  <Button size="small" onClick={() => void rotate(endpoint.id)}>
                    {translate('app.customers.webhooks.rotate')}
                  </Button>
                  <Button size="small" onClick={() => setShown(shown === endpoint.id ? null : endpoint.id)} data-testid="show-deliveries">
                    {translate(shown === endpoint.id ? 'app.customers.webhooks.hide_deliveries' : 'app.customers.webhooks.deliveries')}
                  </Button>
                </Stack>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {shown && <DeliveryLog endpointId={shown} />}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={translate('app.customers.webhooks.https_url')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          sx={{ minWidth: 320 }}
          inputProps={{ 'data-testid': 'webhook-url' }}
        />
        <TextField
          size="small"
          label={translate('app.customers.event_types_comma_separated_empty_all')}
          value={eventTypes}
          onChange={(e) => setEventTypes(e.target.value)}
          sx={{ minWidth: 280 }}
        />
        <Button variant="outlined" disabled={!url} onClick={() => void create()} data-testid="create-webhook">
          {translate('app.customers.webhooks.add')}
        </Button>
      </Box>
    </Section>
  );
};

/** The last 50 deliveries of one endpoint, newest first, with how the last attempt went and a redeliver button. */
const DeliveryLog = ({ endpointId }: { endpointId: string }) => {
  const notify = useNotify();
  const translate = useTranslate();
  const { data, refetch } = useApiQuery(WebhookDeliveriesDocument, { endpointId, limit: 50 });
  const redeliver = async (id: string) => {
    try {
      await request(RedeliverWebhookDocument, { id });
      notify('app.customers.webhooks.requeued', { type: 'info' });
      await refetch();
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };
  const rows = data?.webhookDeliveries ?? [];
  return (
    <Table size="small" data-testid="webhook-deliveries">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.customers.live.event')}</TableCell>
          <TableCell>{translate('app.customers.live.claim')}</TableCell>
          <TableCell>{translate('app.customers.webhooks.status')}</TableCell>
          <TableCell>{translate('app.customers.webhooks.attempts')}</TableCell>
          <TableCell>{translate('app.customers.webhooks.response')}</TableCell>
          <TableCell>{translate('app.customers.webhooks.latency')}</TableCell>
          <TableCell>{translate('app.customers.webhooks.next_attempt')}</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={8}>{translate('app.customers.webhooks.no_delivery')}</TableCell>
          </TableRow>
        )}
        {rows.map((delivery) => (
          <TableRow key={delivery.id}>
            <TableCell>{delivery.eventType}</TableCell>
            <TableCell>{delivery.claimId}</TableCell>
            <TableCell>{translate(`app.enum.${delivery.status}`)}</TableCell>
            <TableCell>{delivery.attempts}</TableCell>
            <TableCell title={delivery.lastError ?? undefined}>{delivery.lastStatusCode ?? delivery.lastError ?? '—'}</TableCell>
            <TableCell>{delivery.lastLatencyMs === null || delivery.lastLatencyMs === undefined ? '—' : `${delivery.lastLatencyMs} ms`}</TableCell>
            <TableCell>{delivery.status === 'PENDING' ? when(delivery.nextAttemptAt) : '—'}</TableCell>
            <TableCell align="right">
              <Button size="small" disabled={delivery.status === 'SENDING'} onClick={() => void redeliver(delivery.id)}>
                {translate('app.customers.webhooks.redeliver')}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
