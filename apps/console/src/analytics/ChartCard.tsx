import DownloadIcon from '@mui/icons-material/Download';
import { Alert, Box, Card, CardContent, CardHeader, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, useTranslate } from 'react-admin';

interface ChartCardProps {
  /** Also the `data-testid` of the card. */
  id: string;
  title: string;
  subtitle?: string;
  isPending: boolean;
  error?: Error | null;
  /** Nothing to show under this filter. */
  empty: boolean;
  onCsv?: () => void;
  children: ReactNode;
}

/** One figure of the analytics: its title, a CSV button, and clear loading, error and empty states. */
export const ChartCard = ({ id, title, subtitle, isPending, error, empty, onCsv, children }: ChartCardProps) => {
  const translate = useTranslate();
  return (
    <Card data-testid={id} variant="outlined" sx={{ height: '100%' }}>
      <CardHeader
        title={title}
        subheader={subtitle}
        slotProps={{ title: { variant: 'h6' } }}
        action={
          onCsv && !isPending && !error && !empty ? (
            <Button label={translate('aftersale.analytics.csv')} onClick={onCsv} data-testid={`${id}-csv`}>
              <DownloadIcon />
            </Button>
          ) : undefined
        }
      />
      <CardContent>
        {isPending ? (
          <Box sx={{ py: 6 }} data-testid={`${id}-loading`}>
            <LinearProgress />
            <Typography color="text.secondary" sx={{ mt: 1 }} align="center">
              {translate('aftersale.analytics.loading')}
            </Typography>
          </Box>
        ) : error ? (
          <Alert severity="error">{error.message}</Alert>
        ) : empty ? (
          <Typography color="text.secondary" sx={{ py: 6 }} align="center" data-testid={`${id}-empty`}>
            {translate('aftersale.analytics.empty')}
          </Typography>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
};
