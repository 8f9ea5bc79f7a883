import { Box, Typography } from '@mui/material';
import { Button, CreateButton, useListContext } from 'react-admin';

/** A list with no record at all yet: what the records are, and the button to create the first. */
export const NoRecordsYet = ({ title, explanation, createLabel, testId }: { title: string; explanation: string; createLabel: string; testId: string }) => (
  <Box sx={{ textAlign: 'center', p: 6 }} data-testid={testId}>
    <Typography variant="h6" gutterBottom>
      {title}
    </Typography>
    <Typography color="text.secondary" gutterBottom>
      {explanation}
    </Typography>
    <CreateButton label={createLabel} variant="contained" />
  </Box>
);

/** Records exist, but none under these filters: say so, and offer to clear them. */
export const NoMatchingRecords = ({ message, testId }: { message: string; testId: string }) => {
  const { setFilters } = useListContext();
  return (
    <Box sx={{ textAlign: 'center', p: 4 }} data-testid={testId}>
      <Typography color="text.secondary" gutterBottom>
        {message}
      </Typography>
      <Button label="Clear the filters" onClick={() => setFilters({}, [])} />
    </Box>
  );
};
