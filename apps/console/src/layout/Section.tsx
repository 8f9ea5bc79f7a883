import { Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One titled card of a record page (claim, device), laid out on MUI's 12-column grid. */
export const Section = ({ title, size, children }: { title: string; size: { xs: number; md?: number }; children: ReactNode }) => (
  <Grid size={size}>
    <Card variant="outlined" sx={{ height: '100%' }} component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        <Stack spacing={1.5}>{children}</Stack>
      </CardContent>
    </Card>
  </Grid>
);
