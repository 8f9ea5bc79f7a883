import { Box, Typography } from '@mui/material';
import { Button, CreateButton, useListContext, useTranslate } from 'react-admin';

/** A list with no record at all yet: what the records are, and the button to create the first (every text a catalogue key). */
export const NoRecordsYet = ({ title, explanation, createLabel, testId }: { title: string; explanation: string; createLabel: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', p: 6 }} data-testid={testId}>
      <Typography variant="h6" gutterBottom>
        {translate(title)}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {translate(explanation)}
      </Typography>
      <CreateButton label={createLabel} variant="contained" />
    </Box>
  );
};

/** Records exist, but none under these filters: say so, and offer to clear them. */
export const NoMatchingRecords = ({ message, testId }: { message: string; testId: string }) => {
  const { setFilters } = useListContext();
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', p: 4 }} data-testid={testId}>
      <Typography color="text.secondary" gutterBottom>
        {translate(message)}
      </Typography>
      <Button label="app.list.clear_filters" onClick={() => setFilters({}, [])} />
    </Box>
  );
};
