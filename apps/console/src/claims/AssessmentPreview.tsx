import { FormType, ProposeAssessmentDocument, type AssessmentProposalInput, type ClaimDetailFragment } from '@aftersale/graphql';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { HttpError } from 'react-admin';
import type { ApiErrorBody } from '../api/errors';
import { useApiQuery } from '../api/request';
import { enumLabel } from '../fields/enum-label';
import { formatLocalDate } from '../fields/local-date';
import { formatMoney } from '../fields/money';
import { AssessedLinesTable } from './AssessedLinesTable';
import { ClauseList } from './ClauseCodes';

/** How long the form must rest before the preview asks the engine again. */
const DEBOUNCE_MS = 300;

/**
 * What the engine would decide for the findings, parts and override ticked so
 * far (`proposeAssessment`, which records nothing), asked again ~300 ms after
 * the last change. `waiting` while the answer is behind the form; the API's
 * refusal (an override without a reason, say) is `error`, for the form to
 * show inline rather than as a notification. Components asking for the same
 * input share one request.
 */
export function useAssessmentProposal(claim: ClaimDetailFragment, input: AssessmentProposalInput) {
  const key = JSON.stringify(input);
  const settledKey = useDebounced(key, DEBOUNCE_MS);
  const settled = useMemo(() => JSON.parse(settledKey) as AssessmentProposalInput, [settledKey]);
  const { data, error, isFetching } = useApiQuery(
    ProposeAssessmentDocument,
    { claimId: claim.id, input: settled },
    { placeholderData: keepPreviousData, retry: false, staleTime: 60_000 },
  );
  return { proposal: error ? undefined : data?.proposeAssessment, error, waiting: isFetching || settledKey !== key };
}

type Preview = ReturnType<typeof useAssessmentProposal>;

/** The API's message, without the `field:` prefix a BAD_USER_INPUT carries ("overrideReason: a reason is required…"). */
function problemOf(error: Error): string {
  const field = error instanceof HttpError ? (error.body as ApiErrorBody | undefined)?.field : undefined;
  const message = field && error.message.startsWith(`${field}:`) ? error.message.slice(field.length + 1).trim() : error.message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * One line that stays in view while the technician scrolls through the
 * findings and parts: the decision, the material cost charged and the
 * warnings. The details are in AssessmentPreview.
 */
export const AssessmentPreviewSummary = ({
  claim,
  preview,
  serviceCharge,
}: {
  claim: ClaimDetailFragment;
  preview: Preview;
  serviceCharge?: number | null;
}) => {
  const { proposal, error, waiting } = preview;
  return (
    <Stack
      direction="row"
      useFlexGap
      flexWrap="wrap"
      gap={1}
      aria-live="polite"
      data-testid="preview-summary"
      sx={{
        position: 'sticky',
        top: 0,
        zIndex: 2,
        alignItems: 'center',
        bgcolor: 'background.paper',
        borderBottom: 1,
        borderColor: 'divider',
        py: 1,
        opacity: waiting ? 0.6 : 1,
      }}
    >
      <Typography variant="body2" color="text.secondary">
        The policy decides
      </Typography>
      {error && (
        <Typography variant="body2" color="error">
          nothing yet — {problemOf(error)}
        </Typography>
      )}
      {!error && !proposal && <Typography variant="body2">…</Typography>}
      {proposal && (
        <>
          <Chip size="small" color="primary" label={enumLabel(proposal.decision)} />
          {proposal.decision !== proposal.proposedDecision && (
            <Typography variant="body2" color="text.secondary">
              (proposed: {enumLabel(proposal.proposedDecision)})
            </Typography>
          )}
          <Typography variant="body2" data-testid="preview-summary-charged">
            · {formatMoney(proposal.total, claim.currency)} material cost charged
            {serviceCharge ? ` + ${formatMoney(serviceCharge, claim.currency)} service charge (H8)` : ''}
          </Typography>
          {proposal.agreementRequired && <Chip size="small" color="warning" label="Maintenance agreement required (H9)" />}
          {proposal.replacementAllowed && <Chip size="small" color="info" variant="outlined" label="Replacement allowed" />}
        </>
      )}
    </Stack>
  );
};

/**
 * The engine's proposal in full: the decision, its clauses with their letters,
 * each line covered or charged, the material cost charged, and what follows
 * (the maintenance agreement, a replacement); or the API's refusal, inline.
 */
export const AssessmentPreview = ({ claim, preview }: { claim: ClaimDetailFragment; preview: Preview }) => {
  const { proposal, error, waiting } = preview;
  const { currency } = claim;

  return (
    <Box
      component="section"
      aria-label="What the policy decides"
      aria-busy={waiting}
      data-testid="assessment-preview"
      data-decision={proposal?.decision}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
    >
      <Typography variant="subtitle2" gutterBottom>
        What the policy decides (preview, nothing recorded yet)
      </Typography>
      <Box sx={{ height: 4, mb: 1 }}>{waiting && <LinearProgress aria-label="Updating the preview" />}</Box>
      {error && (
        <Alert severity="error" data-testid="preview-error">
          {problemOf(error)}
        </Alert>
      )}
      {proposal && (
        <Stack spacing={1.5} sx={{ opacity: waiting ? 0.6 : 1, transition: 'opacity 150ms' }}>
          <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} sx={{ alignItems: 'center' }}>
            <Chip label={enumLabel(proposal.decision)} color="primary" data-testid="preview-decision" data-decision={proposal.decision} />
            {proposal.decision !== proposal.proposedDecision && (
              <Typography variant="body2" color="text.secondary" data-testid="preview-proposed-decision">
                overrides the proposed <strong>{enumLabel(proposal.proposedDecision)}</strong>
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              Policy {proposal.policyVersion} · {proposal.underWarranty ? 'under warranty' : 'out of warranty'} (last covered day{' '}
              {formatLocalDate(proposal.lastCoveredDay)})
            </Typography>
          </Stack>
          {proposal.agreementRequired && (
            <Alert severity="warning" data-testid="preview-warning" data-warning="AGREEMENT_REQUIRED">
              Maintenance agreement required (H9): the customer signs it before any repair.
            </Alert>
          )}
          {proposal.replacementAllowed && (
            <Alert severity="info" data-testid="preview-warning" data-warning="REPLACEMENT_ALLOWED">
              Replacement allowed: the unit may be replaced rather than repaired (H4).
            </Alert>
          )}
          {claim.formType === FormType.REPLACEMENT && !proposal.replacementAllowed && (
            <Alert severity="info" data-testid="preview-warning" data-warning="HANDLED_AS_REPAIR">
              No replacement: the Replacement Form is handled as a repair (R3).
            </Alert>
          )}
          <ClauseList codes={proposal.clauses} testId="preview-clauses" />
          {proposal.lines.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              No faulty part ticked: nothing to repair; material cost charged{' '}
              <Box component="span" data-testid="preview-total">
                {formatMoney(proposal.total, currency)}
              </Box>
              .
            </Typography>
          ) : (
            <AssessedLinesTable
              lines={proposal.lines}
              total={proposal.total}
              currency={currency}
              testId="preview"
              compactClauses
              totalLabel="Material cost charged (H6) — any service charge (H8) comes on top"
            />
          )}
        </Stack>
      )}
    </Box>
  );
};

/** `value`, once it has stayed the same for `delay` ms. */
function useDebounced(value: string, delay: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}
