import type { TypedDocumentNode } from '@aftersale/graphql';
import { useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { Kind, OperationTypeNode, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { apolloClient } from '../dataProvider';
import { toApiError } from './errors';
import { authorizationHeaders } from './session';

/**
 * One typed GraphQL operation outside react-admin's data methods (a workflow
 * step, a count, a reference list), with the bearer token of the moment and
 * no Apollo cache. Fails with the same HttpError as the data provider (see
 * errors.ts): the API's message, its code, and a BAD_USER_INPUT's field.
 */
export async function request<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<TData> {
  const options = { variables, fetchPolicy: 'no-cache' as const, context: { headers: authorizationHeaders() } };
  try {
    const { data } = isMutation(document)
      ? await apolloClient.mutate<TData, TVariables>({ mutation: document, ...options })
      : await apolloClient.query<TData, TVariables>({ query: document, ...options });
    if (data === null || data === undefined) throw new Error('The API answered without data.');
    return data;
  } catch (error) {
    throw toApiError(error);
  }
}

/**
 * A query through react-admin's own query client: react-admin's refresh
 * (after a save, or the refresh button) reloads it too.
 */
export function useApiQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: Omit<UseQueryOptions<TData, Error>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<TData, Error>({
    queryKey: ['api', operationName(document), variables],
    queryFn: () => request(document, variables),
    ...options,
  });
}

function operationOf(document: DocumentNode): OperationDefinitionNode | undefined {
  return document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
}

function isMutation(document: DocumentNode): boolean {
  return operationOf(document)?.operation === OperationTypeNode.MUTATION;
}

function operationName(document: DocumentNode): string {
  return operationOf(document)?.name?.value ?? 'anonymous';
}
