import type { SortDirection, TypedDocumentNode } from '@aftersale/graphql';
import type { BuildQueryResult } from 'ra-data-graphql';
import {
  HttpError,
  type CreateParams,
  type GetListParams,
  type GetManyParams,
  type GetManyReferenceParams,
  type GetOneParams,
  type PaginationPayload,
  type SortPayload,
  type UpdateParams,
} from 'react-admin';

/**
 * How one resource answers react-admin's data provider calls, each as one of
 * the typed documents generated from packages/graphql/src/operations. A
 * method left out is one the API does not offer.
 */
export interface ResourceOperations {
  getList?: (params: GetListParams) => BuildQueryResult;
  getOne?: (params: GetOneParams) => BuildQueryResult;
  getMany?: (params: GetManyParams) => BuildQueryResult;
  getManyReference?: (params: GetManyReferenceParams) => BuildQueryResult;
  create?: (params: CreateParams) => BuildQueryResult;
  update?: (params: UpdateParams) => BuildQueryResult;
}

/** One react-admin call as one typed GraphQL operation: variables are checked against the document. */
export function operation<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  toResult: (data: TData) => unknown,
): BuildQueryResult {
  return {
    query: document,
    variables,
    parseResponse: ({ data }) => toResult(data as TData),
  };
}

/**
 * getManyReference (e.g. a device's claims) as the resource's own getList
 * with the reference as one more filter, `{ [target]: id }`.
 */
export function manyReference(getList: (params: GetListParams) => BuildQueryResult) {
  return ({ target, id, filter, ...params }: GetManyReferenceParams): BuildQueryResult => getList({ ...params, filter: { ...filter, [target]: id } });
}

/** react-admin's page/perPage as the API's offset/limit (a page holds at most 500 rows). */
export function pageOf(pagination: PaginationPayload | undefined): { offset: number; limit: number } {
  const page = Math.max(1, pagination?.page ?? 1);
  const limit = Math.min(500, Math.max(1, pagination?.perPage ?? 25));
  return { offset: (page - 1) * limit, limit };
}

/** The variables that fetch exactly the given ids, e.g. for a ReferenceField. */
export function idsPage(params: GetManyParams): { offset: number; limit: number; filter: { ids: string[] } } {
  return { offset: 0, limit: Math.max(1, params.ids.length), filter: { ids: params.ids.map(String) } };
}

/** An API page `{ items, total }` as react-admin's `{ data, total }`. */
export function listResult<T>(page: { items: T[]; total: number }): { data: T[]; total: number } {
  return { data: page.items, total: page.total };
}

/**
 * react-admin's sort (a record field and ASC/DESC) as the API's sort input.
 * `fields` maps the sortable record fields to the schema's sort enum; any other
 * field leaves the order to the API.
 */
export function sortOf<Field extends string>(
  sort: SortPayload | undefined,
  fields: Readonly<Record<string, Field>>,
): { field: Field; direction: SortDirection } | undefined {
  const field = sort ? fields[sort.field] : undefined;
  return sort && field ? { field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' } : undefined;
}

/** A filter value as the API wants it: a non-blank string, or nothing. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A multi-value filter (e.g. statuses): a non-empty array, or nothing. */
export function list<T extends string>(value: unknown): T[] | undefined {
  if (typeof value === 'string' && value !== '') return [value as T];
  return Array.isArray(value) && value.length > 0 ? (value as T[]) : undefined;
}

/** A yes/no filter (e.g. active): true, false, or nothing. */
export function yesNo(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** Drops the keys whose value is undefined, so the API sees only the filters in use. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The one record a by-ids page should hold, or NOT_FOUND as the API itself would say it. */
export function found<T>(record: T | undefined, what: string, id: unknown): { data: T } {
  if (record === undefined) throw new HttpError(`${what} ${String(id)} does not exist.`, 404, { code: 'NOT_FOUND' });
  return { data: record };
}

/**
 * `queryOptions.meta` for a Show page. react-admin seeds its getOne cache with
 * the rows of the last list, which hold a smaller selection than the detail
 * query; a distinct meta keys the detail query apart, so a page never renders
 * a list row as if it were the whole record.
 */
export const detailQuery = { meta: { selection: 'detail' } } as const;

/** A create or edit form's values, as react-admin hands them to the data provider. */
export type FormData = Readonly<Record<string, unknown>>;

/**
 * A text input's value for the API, as typed: a cleared input (react-admin
 * makes it null) goes as "", so the API names the field it finds blank
 * instead of the request failing on a null.
 */
export function typed(data: FormData, key: string): string {
  const value = data[key];
  return typeof value === 'string' ? value : '';
}

/** A text input's value, trimmed; "" when blank (a dialog's own validation makes sure a required one is there, and the API names the field it finds blank). */
export function trimmedInput(data: FormData, key: string): string {
  return text(data[key]) ?? '';
}

/** An optional number input (e.g. cents from a MoneyInput), or undefined. */
export function numberOf(data: FormData, key: string): number | undefined {
  const value = data[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A whole number the form must hold (e.g. cents); its absence is shown under the input, like the API's own refusals. */
export function wholeNumber(data: FormData, key: string): number {
  const value = data[key];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw missing(key);
}

/** A value of a generated enum (e.g. `Role` for a filter), or nothing. */
export function enumValue<Value extends string>(value: unknown, values: Readonly<Record<string, Value>>): Value | undefined {
  return Object.values(values).find((candidate) => candidate === value);
}

/** One value of a generated enum (e.g. `PartCategory`) the form must hold. */
export function oneOf<Value extends string>(data: FormData, key: string, values: Readonly<Record<string, Value>>): Value {
  const found = enumValue(data[key], values);
  if (found === undefined) throw missing(key);
  return found;
}

function missing(key: string): HttpError {
  return new HttpError(`${key}: required.`, 400, { code: 'BAD_USER_INPUT', field: key, errors: { [key]: 'Required' } });
}

/** A switch's value; an untouched switch is off. */
export function flag(data: FormData, key: string): boolean {
  return data[key] === true;
}

/**
 * The version of the record the form was loaded with, for optimistic locking:
 * the API answers CONFLICT when someone saved in between.
 */
export function loadedVersion({ previousData, data }: UpdateParams): number {
  const version: unknown = previousData?.version ?? data?.version;
  if (typeof version !== 'number') throw new HttpError('The record was loaded without its version: reload the page.', 409, { code: 'CONFLICT' });
  return version;
}
