import { Alert, Box } from '@mui/material';
import { Button, List, Pagination, useListContext, useTranslate, type ListProps, type RaRecord } from 'react-admin';

/**
 * What a list shows when its page could not be read (a refused filter, a
 * timeout, the API away): the API's message and a way to try again, never
 * "no records", which would be a lie.
 */
export const ListLoadError = () => {
  const { error, refetch } = useListContext();
  const translate = useTranslate();
  return (
    <Box sx={{ p: 3 }} data-testid="list-error">
      <Alert severity="error" action={<Button label="app.list.retry" onClick={() => void refetch()} />}>
        {translate('app.list.load_failed', { message: error instanceof Error ? error.message : '' })}
      </Alert>
    </Box>
  );
};

/** The pagination, hidden while the page is an error: it would count rows that never came. */
const ListPagination = () => (useListContext().error ? null : <Pagination />);

/** react-admin's List with the console's error state: every list of the console is one. */
export const ConsoleList = <RecordType extends RaRecord>(props: ListProps<RecordType>) => (
  <List<RecordType> error={<ListLoadError />} pagination={<ListPagination />} {...props} />
);
