import { formatDate } from '../fields/local-date';
import type { ClaimDetailFragment } from '@aftersale/graphql';
import { List, ListItem, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';

/** H5: parts removed under warranty stay with the company. */
export const RetainedPartsPanel = ({ parts }: { parts: ClaimDetailFragment['retainedParts'] }) => {
  const translate = useTranslate();
  return (
    <List dense disablePadding data-testid="claim-retained-parts">
      {parts.map((retained) => (
        <ListItem key={retained.id} disableGutters>
          <ListItemText
            primary={`${retained.quantity} × ${retained.part.name} (${retained.part.sku})`}
            secondary={translate('app.claims.retained.kept_at', { centre: retained.serviceCentre.name, date: formatDate(retained.createdAt) })}
          />
        </ListItem>
      ))}
    </List>
  );
};
