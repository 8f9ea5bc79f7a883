import { Decision, type ClaimDetailFragment } from '@aftersale/graphql';
import { Box, Stack } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { BooleanInput, SelectInput, TextInput, maxLength, required, type Validator } from 'react-admin';
import { enumValue, type FormData } from '../api/operation';
import { enumChoices } from '../fields/enum-label';
import { MoneyInput } from '../fields/MoneyInput';
import { AssessmentPreview, AssessmentPreviewSummary, useAssessmentProposal } from './AssessmentPreview';
import { NoteInput } from './ClaimStepInputs';
import { FindingsInput } from './FindingsInput';
import { assessmentOf, proposalOf } from './inspection-values';
import { PartLinesInput } from './PartLinesInput';

/**
 * The technician's inspection (RECORD_ASSESSMENT): findings with their clause
 * texts, the faulty parts of the unit's model with a "worn" toggle (F), an
 * optional override of the decision the policy proposes (with a reason), and
 * an optional service charge (H8). The API proposes the decision (§5, R1–R5);
 * the preview shows it live as the technician ticks.
 */
export const InspectionInputs = ({ claim }: { claim: ClaimDetailFragment }) => {
  const preview = useLivePreview(claim);
  // The summary names the service charge too: the quote adds it to the material cost.
  const serviceCharge = assessmentOf(useWatch()).serviceCharge?.amount;
  return (
    <Stack spacing={2}>
      <AssessmentPreviewSummary claim={claim} preview={preview} serviceCharge={serviceCharge} />
      <FindingsInput />
      <PartLinesInput claim={claim} />
      <OverrideInputs />
      <AssessmentPreview claim={claim} preview={preview} />
      <ServiceChargeInputs claim={claim} />
      <NoteInput />
    </Stack>
  );
};

const reasonIfOverridden: Validator = (value, allValues: FormData) =>
  enumValue(allValues['decision'], Decision) !== undefined && (typeof value !== 'string' || value.trim() === '') ? 'app.validation.override_reason' : undefined;

const OverrideInputs = () => {
  const decision: unknown = useWatch({ name: 'decision' });
  return (
    <Box>
      <SelectInput
        source="decision"
        label="app.claims.decision"
        choices={enumChoices(Decision)}
        emptyText="app.claims.as_the_policy_proposes_recommended"
        helperText="app.claims.decide_otherwise_only_with_a_reason"
      />
      {enumValue(decision, Decision) !== undefined && (
        <TextInput source="overrideReason" label="resources.claims.fields.overrideReason" multiline validate={[reasonIfOverridden, maxLength(2000)]} />
      )}
    </Box>
  );
};

/** The engine's decision for what is ticked so far, as the form changes (shown as a line kept in view, and in full). */
function useLivePreview(claim: ClaimDetailFragment) {
  // react-hook-form types watched values as `any`; proposalOf() checks each.
  const [findings, lines, decision, overrideReason] = useWatch({ name: ['findings', 'lines', 'decision', 'overrideReason'] }) as unknown[];
  return useAssessmentProposal(claim, proposalOf({ findings, lines, decision, overrideReason }));
}

const ServiceChargeInputs = ({ claim }: { claim: ClaimDetailFragment }) => {
  const on = useWatch({ name: 'withServiceCharge' }) === true;
  return (
    <Box>
      <BooleanInput source="withServiceCharge" label="resources.claims.fields.withServiceCharge" />
      {on && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextInput source="serviceCharge.description" label="resources.claims.fields.serviceCharge.description" validate={[required(), maxLength(200)]} />
          <MoneyInput
            source="serviceCharge.amount"
            label="resources.claims.fields.serviceCharge.amount"
            currency={claim.currency}
            validate={[required(), positiveAmount]}
          />
        </Stack>
      )}
    </Box>
  );
};

const positiveAmount: Validator = (value) => (typeof value === 'number' && value > 0 ? undefined : 'app.validation.positive');
