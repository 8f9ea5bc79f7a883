import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** One titled card of a record page (claim, device), laid out on MUI's 12-column grid; `title` is a catalogue key. */
export const Section = ({ title, size, children }: { title: string; size: { xs: number; md?: number }; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Grid size={size}>
      <Card variant="outlined" sx={{ height: '100%' }} component="section" aria-label={translate(title)}>
        <CardContent>
          <Typography variant="h6" component="h2" gutterBottom>
            {translate(title)}
          </Typography>
          <Stack spacing={1.5}>{children}</Stack>
        </CardContent>
      </Card>
    </Grid>
  );
};
