import { ClaimUpdatesDocument, type ClaimUpdateItemFragment } from '@aftersale/graphql';
import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { Link, useTranslate } from 'react-admin';
import { currentLocaleTag } from '../i18n/i18nProvider';
import { readSession } from '../api/session';
import { Section } from '../layout/Section';

const KEEP = 50;

/** The customer's claim events as they are committed (the same stream integrators subscribe to), newest first. */
export const LiveEventsPanel = ({ customerId }: { customerId: string }) => {
  const [updates, setUpdates] = useState<ClaimUpdateItemFragment[]>([]);
  const [state, setState] = useState<'connecting' | 'live' | 'closed'>('connecting');
  const translate = useTranslate();
  useEffect(() => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    const client = createClient({
      url,
      connectionParams: () => ({ authorization: `Bearer ${readSession()?.token ?? ''}` }),
      on: { connected: () => setState('live'), closed: () => setState('closed') },
    });
    const stop = client.subscribe<{ claimUpdates: ClaimUpdateItemFragment }>(
      { query: print(ClaimUpdatesDocument), variables: { customerId } },
      {
        next: (result) => {
          const update = result.data?.claimUpdates;
          if (update) setUpdates((previous) => [update, ...previous].slice(0, KEEP));
        },
        error: () => setState('closed'),
        complete: () => setState('closed'),
      },
    );
    return () => {
      stop();
      void client.dispose();
    };
  }, [customerId]);
  return (
    <Section title="app.customers.live_claim_events" size={{ xs: 12 }}>
      <Typography variant="body2" color="text.secondary" component="div">
        {translate('app.customers.live.explanation')}{' '}
        <Chip size="small" data-testid="live-events-state" color={state === 'live' ? 'success' : 'default'} label={translate(`app.customers.live.${state}`)} />
      </Typography>
      <Table size="small" data-testid="live-events">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.customers.live.when')}</TableCell>
            <TableCell>{translate('app.customers.live.claim')}</TableCell>
            <TableCell>{translate('app.customers.live.event')}</TableCell>
            <TableCell>{translate('app.customers.live.from_to')}</TableCell>
            <TableCell>{translate('app.customers.live.who')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {updates.length === 0 && (
            <TableRow>
              <TableCell colSpan={5}>{translate('app.customers.live.waiting')}</TableCell>
            </TableRow>
          )}
          {updates.map((update) => (
            <TableRow key={update.cursor}>
              <TableCell>{new Date(update.event.at).toLocaleTimeString(currentLocaleTag())}</TableCell>
              <TableCell>
                <Link to={`/claims/${update.claim.id}/show`}>{update.claim.number}</Link>
              </TableCell>
              <TableCell>{update.event.type}</TableCell>
              <TableCell>
                {update.event.fromStatus || update.event.toStatus ? `${update.event.fromStatus ?? '—'} → ${update.event.toStatus ?? '—'}` : '—'}
              </TableCell>
              <TableCell>{update.event.actor}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
};
