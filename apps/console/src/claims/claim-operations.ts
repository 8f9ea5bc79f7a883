import {
  ClaimDocument,
  ClaimsDocument,
  SubmitClaimDocument,
  type ClaimFilter,
  type ClaimSortField,
  type ClaimStatus,
  type Decision,
  type FormType,
  type SubmitClaimInput,
} from '@aftersale/graphql';
import { compact, idsPage, list, listResult, manyReference, operation, pageOf, sortOf, text, type ResourceOperations } from '../api/operation';

/** The columns the claims list may sort on, as the API names them. */
const sortFields: Record<string, ClaimSortField> = {
  number: 'NUMBER',
  status: 'STATUS',
  submittedAt: 'SUBMITTED_AT',
  submittedOn: 'SUBMITTED_AT',
  updatedAt: 'UPDATED_AT',
  formType: 'FORM_TYPE',
  decision: 'DECISION',
  'device.imei': 'IMEI',
  'model.name': 'MODEL',
  'customer.name': 'CUSTOMER',
  'serviceCentre.name': 'SERVICE_CENTRE',
  ciNumber: 'CI_NUMBER',
};

/** The list's filter form (its inputs are named like ClaimFilter's fields) as a ClaimFilter. */
export function claimFilter(values: Record<string, unknown> = {}): ClaimFilter {
  return compact<ClaimFilter>({
    q: text(values['q']),
    status: list<ClaimStatus>(values['status']),
    modelId: text(values['modelId']),
    customerId: text(values['customerId']),
    deviceId: text(values['deviceId']),
    serviceCentreId: text(values['serviceCentreId']),
    decision: list<Decision>(values['decision']),
    olderThanDays: wholeDays(values['olderThanDays']),
    submittedFrom: text(values['submittedFrom']),
    submittedTo: text(values['submittedTo']),
  });
}

/** "Older than N days": a whole number of days, or nothing. */
function wholeDays(value: unknown): number | undefined {
  const days = typeof value === 'string' ? Number(value) : value;
  return typeof days === 'number' && Number.isInteger(days) && days >= 0 ? days : undefined;
}

/** The create form's values as SubmitClaimInput; the API validates every field (BAD_USER_INPUT names the one at fault). */
function submitClaimInput(values: Record<string, unknown>): SubmitClaimInput {
  return {
    imei: text(values['imei']) ?? '',
    formType: values['formType'] as FormType,
    ciNumber: text(values['ciNumber']) ?? '',
    symptoms: text(values['symptoms']) ?? '',
    dataBackupAcknowledged: values['dataBackupAcknowledged'] === true,
    idempotencyKey: text(values['idempotencyKey']) ?? null,
  };
}

const listClaims: NonNullable<ResourceOperations['getList']> = ({ pagination, sort, filter }) =>
  operation(ClaimsDocument, { ...pageOf(pagination), sort: sortOf(sort, sortFields), filter: claimFilter(filter) }, (data) => listResult(data.claims));

export const claimOperations: ResourceOperations = {
  getList: listClaims,
  getMany: (params) => operation(ClaimsDocument, idsPage(params), (data) => ({ data: data.claims.items })),
  getManyReference: manyReference(listClaims),
  getOne: ({ id }) => operation(ClaimDocument, { id: String(id) }, (data) => ({ data: data.claim })),
  create: ({ data }) => operation(SubmitClaimDocument, { input: submitClaimInput(data) }, (result) => ({ data: result.submitClaim })),
};
