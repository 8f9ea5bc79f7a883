import {
  ClaimInspectionPartsDocument,
  Decision,
  Finding,
  type AssessmentInput,
  type AssessmentLineInput,
  type AssessmentProposalInput,
  type ClaimDetailFragment,
} from '@aftersale/graphql';
import {
  Alert,
  Box,
  Checkbox,
  FormControlLabel,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useFormState, useWatch } from 'react-hook-form';
import { BooleanInput, SelectInput, TextInput, maxLength, required, useInput, type Validator } from 'react-admin';
import { enumValue, numberOf, text, type FormData } from '../api/operation';
import { useApiQuery } from '../api/request';
import { AssessmentPreview, AssessmentPreviewSummary, useAssessmentProposal } from './AssessmentPreview';
import { enumChoices, enumLabel } from '../fields/enum-label';
import { formatMoney } from '../fields/money';
import { MoneyInput } from '../fields/MoneyInput';
import { usePolicyReference } from './claim-reference';
import { NoteInput } from './ClaimStepInputs';



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
  const serviceCharge = assessmentOf(useWatch() as FormData).serviceCharge?.amount;
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

/** What the engine decides on: the form's findings, faulty parts and override. */
function proposalOf(values: FormData): AssessmentProposalInput {
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

const FindingsInput = () => {
  const { clauses, findings } = usePolicyReference();
  const { field } = useInput<Finding[]>({ source: 'findings', defaultValue: [] });
  const selected = findingsOf(field.value);
  const clauseOrder = [...clauses.keys()];
  // Findings that are a clause of their own in the policy's order, then the others (water, serious damage).
  const rank = ({ code, clause }: (typeof findings)[number]) => {
    const index = clause && code === clause ? clauseOrder.indexOf(clause) : -1;
    return index >= 0 ? index : clauseOrder.length;
  };
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b));
  const toggle = (finding: Finding, on: boolean) =>
    field.onChange(on ? [...selected, finding] : selected.filter((other) => other !== finding));
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} data-testid="inspection-findings">
      <FormLabel component="legend">Findings (§5) — leave all unticked when the fault is the company's</FormLabel>
      {ordered.map(({ code: finding, clause, reading }) => {
        const info = clause ? clauses.get(clause) : undefined;
        const letter = info && clause === finding ? `${info.letter} · ` : '';
        return (
          <FormControlLabel
            key={finding}
            sx={{ display: 'flex', alignItems: 'flex-start', mt: 0.5 }}
            control={
              <Checkbox
                size="small"
                checked={selected.includes(finding)}
                onChange={(event) => toggle(finding, event.target.checked)}
                inputProps={{ 'aria-label': enumLabel(finding) }}
                data-testid={`finding-${finding}`}
                sx={{ pt: 0.25 }}
              />
            }
            label={
              <Box>
                <Typography variant="body2">
                  {letter}
                  {enumLabel(finding)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {reading ?? info?.text}
                </Typography>
              </Box>
            }
          />
        );
      })}
    </Box>
  );
};

const PartLinesInput = ({ claim }: { claim: ClaimDetailFragment }) => {
  const centre = claim.serviceCentre;
  const { data, isPending, error } = useApiQuery(ClaimInspectionPartsDocument, {
    modelId: claim.model.id,
    serviceCentreId: centre?.id ?? null,
    withStock: centre !== null && centre !== undefined,
  });
  const { field } = useInput<AssessmentLineInput[]>({ source: 'lines', defaultValue: [] });
  const { errors } = useFormState({ name: 'lines' });
  const lines: AssessmentLineInput[] = Array.isArray(field.value) ? field.value.filter(isLine) : [];
  const onHand = new Map((data?.stockLevels?.items ?? []).map((level) => [level.part.id, level.onHand]));
  const lineOf = (partId: string) => lines.find((line) => line.partId === partId);
  const setFaulty = (partId: string, faulty: boolean) =>
    field.onChange(faulty ? [...lines, { partId, worn: false }] : lines.filter((line) => line.partId !== partId));
  const setWorn = (partId: string, worn: boolean) =>
    field.onChange(lines.map((line) => (line.partId === partId ? { ...line, worn } : line)));
  const lineError = firstMessage(errors['lines']);

  return (
    <Box data-testid="inspection-parts">
      <FormLabel component="legend">
        Faulty parts of the {claim.model.name}
        {lines.length === 0 ? ' (none ticked yet: no hardware fault)' : ` (${lines.length} ticked)`}
      </FormLabel>
      {isPending && <LinearProgress aria-label="Loading the parts" />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">Faulty</TableCell>
              <TableCell>Part</TableCell>
              <TableCell align="right">Material cost</TableCell>
              {centre && <TableCell align="right">On hand at {centre.code}</TableCell>}
              <TableCell>Worn (F)</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.parts.items.map((part) => {
              const line = lineOf(part.id);
              const stock = onHand.get(part.id) ?? 0;
              return (
                <TableRow key={part.id} data-testid="inspection-part" data-sku={part.sku} data-on-hand={stock} selected={line !== undefined}>
                  <TableCell padding="checkbox">
                    <Checkbox
                      size="small"
                      checked={line !== undefined}
                      onChange={(event) => setFaulty(part.id, event.target.checked)}
                      inputProps={{ 'aria-label': `Faulty: ${part.name}` }}
                      data-testid="part-faulty"
                    />
                  </TableCell>
                  <TableCell>
                    {part.name}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      {part.sku} · {enumLabel(part.category)}
                    </Typography>
                  </TableCell>
                  <TableCell align="right">{formatMoney(part.materialCost, part.currency)}</TableCell>
                  {centre && (
                    <TableCell align="right" sx={{ color: stock === 0 ? 'error.main' : undefined }}>
                      {stock}
                    </TableCell>
                  )}
                  <TableCell>
                    <Switch
                      size="small"
                      checked={line?.worn === true}
                      disabled={line === undefined}
                      onChange={(event) => setWorn(part.id, event.target.checked)}
                      inputProps={{ 'aria-label': `Worn: ${part.name}` }}
                      data-testid="part-worn"
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {lineError && <FormHelperText error>{lineError}</FormHelperText>}
    </Box>
  );
};

const reasonIfOverridden: Validator = (value, allValues: FormData) =>
  enumValue(allValues['decision'], Decision) !== undefined && (typeof value !== 'string' || value.trim() === '')
    ? 'Say why the decision differs from what the policy proposes.'
    : undefined;

const OverrideInputs = () => {
  const decision = useWatch({ name: 'decision' });
  return (
    <Box>
      <SelectInput
        source="decision"
        label="Decision"
        choices={enumChoices(Decision)}
        emptyText="As the policy proposes (recommended)"
        helperText="Decide otherwise only with a reason; both are on record"
      />
      {enumValue(decision, Decision) !== undefined && (
        <TextInput source="overrideReason" label="Reason for the override" multiline validate={[reasonIfOverridden, maxLength(2000)]} />
      )}
    </Box>
  );
};

/** The engine's decision for what is ticked so far, as the form changes (shown as a line kept in view, and in full). */
function useLivePreview(claim: ClaimDetailFragment) {
  const [findings, lines, decision, overrideReason] = useWatch({ name: ['findings', 'lines', 'decision', 'overrideReason'] });
  return useAssessmentProposal(claim, proposalOf({ findings, lines, decision, overrideReason }));
}

const ServiceChargeInputs = ({ claim }: { claim: ClaimDetailFragment }) => {
  const on = useWatch({ name: 'withServiceCharge' }) === true;
  return (
    <Box>
      <BooleanInput source="withServiceCharge" label="Service charge for a solution beyond the warranty's commitment (H8)" />
      {on && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextInput source="serviceCharge.description" label="What the customer asked for" validate={[required(), maxLength(200)]} />
          <MoneyInput
            source="serviceCharge.amount"
            label="Amount"
            currency={claim.currency}
            validate={[required(), positiveAmount]}
          />
        </Stack>
      )}
    </Box>
  );
};

const positiveAmount: Validator = (value) => (typeof value === 'number' && value > 0 ? undefined : 'Must be more than zero.');

/** The findings among a form value (the ticked ones), in their order. */
function findingsOf(value: unknown): Finding[] {
  return Array.isArray(value) ? value.flatMap((item: unknown) => enumValue(item, Finding) ?? []) : [];
}

function isLine(value: unknown): value is AssessmentLineInput {
  return typeof value === 'object' && value !== null && typeof (value as { partId?: unknown }).partId === 'string';
}

/** The first message in a react-hook-form error tree (e.g. `lines.0.partId` from the API). */
function firstMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === 'string') return message;
  for (const [key, nested] of Object.entries(error)) {
    if (key === 'ref') continue;
    const found = firstMessage(nested);
    if (found) return found;
  }
  return undefined;
}
