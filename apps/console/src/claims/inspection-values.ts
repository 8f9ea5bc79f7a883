import { Decision, Finding, type AssessmentInput, type AssessmentLineInput, type AssessmentProposalInput } from '@aftersale/graphql';
import { enumValue, numberOf, text, type FormData } from '../api/operation';

/** The inspection form's values as the API's inputs: what the engine decides on, and what RECORD_ASSESSMENT records. */

/** What the engine decides on: the form's findings, faulty parts and override. */
export function proposalOf(values: FormData): AssessmentProposalInput {
  const found = findingsOf(values['findings']);
  const lines = Array.isArray(values['lines']) ? values['lines'].filter(isLine) : [];
  const decision = enumValue(values['decision'], Decision) ?? null;
  return {
    findings: found,
    lines: lines.map(({ partId, worn }) => ({ partId, worn: worn ?? false })),
    decision,
    overrideReason: decision ? (text(values['overrideReason']) ?? null) : null,
  };
}

/** The form's values as AssessmentInput (without id and version). */
export function assessmentOf(values: FormData): Omit<AssessmentInput, 'id' | 'version'> {
  const charge = values['serviceCharge'];
  const serviceCharge =
    values['withServiceCharge'] === true && typeof charge === 'object' && charge !== null
      ? { description: text((charge as FormData)['description']) ?? '', amount: numberOf(charge as FormData, 'amount') ?? 0 }
      : null;
  return {
    ...proposalOf(values),
    serviceCharge,
    note: text(values['note']) ?? null,
  };
}

/** The findings among a form value (the ticked ones), in their order. */
export function findingsOf(value: unknown): Finding[] {
  return Array.isArray(value) ? value.flatMap((item: unknown) => enumValue(item, Finding) ?? []) : [];
}

export function isLine(value: unknown): value is AssessmentLineInput {
  return typeof value === 'object' && value !== null && typeof (value as { partId?: unknown }).partId === 'string';
}
