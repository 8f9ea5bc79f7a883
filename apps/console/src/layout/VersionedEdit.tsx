import { Edit, type EditProps } from 'react-admin';
import { detailQuery } from '../api/operation';

/**
 * The Edit page of a record the API versions (optimistic locking). Saving is
 * pessimistic: the page waits for the API's answer, so a CONFLICT (someone
 * saved in between: "changed by someone else … reload") or a refused field
 * shows its message while the form keeps what the user typed. Nothing is
 * overwritten silently, nothing is shown as saved before it is. Each
 * resource's `update` operation sends the version the form was loaded with.
 */
export const VersionedEdit = (props: Omit<EditProps, 'mutationMode' | 'queryOptions'>) => (
  <Edit mutationMode="pessimistic" queryOptions={detailQuery} {...props} />
);
