import { CreateUserDocument, Role, UpdateUserDocument, UserDocument, UsersDocument, type UserFilter, type UserSortField } from '@aftersale/graphql';
import {
  compact,
  enumValue,
  flag,
  idsPage,
  listResult,
  loadedVersion,
  oneOf,
  operation,
  pageOf,
  text,
  typed,
  yesNo,
  sortOf,
  type ResourceOperations,
} from '../api/operation';

/** The sortable columns and the API's sort field for each. */
const sortFields = { email: 'EMAIL', name: 'NAME', role: 'ROLE' } satisfies Record<string, UserSortField>;

/** The list's filter form (its inputs are named like UserFilter's fields) as a UserFilter. */
function userFilter(values: Record<string, unknown> = {}): UserFilter {
  return compact<UserFilter>({ q: text(values['q']), role: enumValue(values['role'], Role), active: yesNo(values['active']) });
}

/** Staff users come by email unless a column asks for another order (`sort`). Administrators only. */
export const userOperations: ResourceOperations = {
  getList: ({ pagination, sort, filter }) =>
    operation(UsersDocument, { ...pageOf(pagination), filter: userFilter(filter), sort: sortOf(sort, sortFields) }, (data) => listResult(data.users)),
  getMany: (params) => operation(UsersDocument, idsPage(params), (data) => ({ data: data.users.items })),
  getOne: ({ id }) => operation(UserDocument, { id: String(id) }, (data) => ({ data: data.user })),
  create: ({ data }) =>
    operation(
      CreateUserDocument,
      { input: { email: typed(data, 'email'), name: typed(data, 'name'), role: oneOf(data, 'role', Role), password: typed(data, 'password') } },
      (result) => ({ data: result.createUser }),
    ),
  // The API refuses (CONFLICT, naming `role` or `active`) to demote or deactivate the last active administrator.
  update: (params) =>
    operation(
      UpdateUserDocument,
      {
        input: {
          id: String(params.id),
          version: loadedVersion(params),
          name: typed(params.data, 'name'),
          role: oneOf(params.data, 'role', Role),
          active: flag(params.data, 'active'),
        },
      },
      (result) => ({ data: result.updateUser }),
    ),
};
