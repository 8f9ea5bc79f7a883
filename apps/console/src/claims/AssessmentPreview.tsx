import { FormType, ProposeAssessmentDocument, type AssessmentProposalInput, type ClaimDetailFragment } from '@aftersale/graphql';
import { Alert, Box, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { HttpError, useTranslate } from 'react-admin';
import type { ApiErrorBody } from '../api/errors';
import { useApiQuery } from '../api/request';
import { useEnumLabel } from '../fields/enum-label';
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
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
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
        {translate('app.claims.preview.decides')}
      </Typography>
      {error && (
        <Typography variant="body2" color="error">
          {translate('app.claims.preview.nothing_yet', { problem: problemOf(error) })}
        </Typography>
      )}
      {!error && !proposal && <Typography variant="body2">…</Typography>}
      {proposal && (
        <>
          <Chip size="small" color="primary" label={enumLabel(proposal.decision)} />
          {proposal.decision !== proposal.proposedDecision && (
            <Typography variant="body2" color="text.secondary">
              ({translate('app.claims.preview.proposed', { decision: enumLabel(proposal.proposedDecision) })})
            </Typography>
          )}
          <Typography variant="body2" data-testid="preview-summary-charged">
            · {translate('app.claims.preview.charged', { amount: formatMoney(proposal.total, claim.currency) })}
            {serviceCharge ? ` + ${translate('app.claims.preview.service_charge', { amount: formatMoney(serviceCharge, claim.currency) })}` : ''}
          </Typography>
          {proposal.agreementRequired && <Chip size="small" color="warning" label={translate('app.claims.maintenance_agreement_required_h9')} />}
          {proposal.replacementAllowed && <Chip size="small" color="info" variant="outlined" label={translate('app.claims.replacement_allowed')} />}
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
  const translate = useTranslate();
  const enumLabel = useEnumLabel();

  return (
    <Box
      component="section"
      aria-label={translate('app.claims.what_the_policy_decides')}
      aria-busy={waiting}
      data-testid="assessment-preview"
      data-decision={proposal?.decision}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}
    >
      <Typography variant="subtitle2" gutterBottom>
        {translate('app.claims.preview.title')}
      </Typography>
      <Box sx={{ height: 4, mb: 1 }}>{waiting && <LinearProgress aria-label={translate('app.claims.updating_the_preview')} />}</Box>
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
                {translate('app.claims.assessment.overrides')} <strong>{enumLabel(proposal.proposedDecision)}</strong>
              </Typography>
            )}
            <Typography variant="body2" color="text.secondary">
              {translate(proposal.underWarranty ? 'app.claims.assessment.policy_under_warranty' : 'app.claims.assessment.policy_out_of_warranty', {
                version: proposal.policyVersion,
                date: formatLocalDate(proposal.lastCoveredDay),
              })}
            </Typography>
          </Stack>
          {proposal.agreementRequired && (
            <Alert severity="warning" data-testid="preview-warning" data-warning="AGREEMENT_REQUIRED">
              {translate('app.claims.preview.agreement_required')}
            </Alert>
          )}
          {proposal.replacementAllowed && (
            <Alert severity="info" data-testid="preview-warning" data-warning="REPLACEMENT_ALLOWED">
              {translate('app.claims.preview.replacement_allowed')}
            </Alert>
          )}
          {claim.formType === FormType.REPLACEMENT && !proposal.replacementAllowed && (
            <Alert severity="info" data-testid="preview-warning" data-warning="HANDLED_AS_REPAIR">
              {translate('app.claims.preview.handled_as_repair')}
            </Alert>
          )}
          <ClauseList codes={proposal.clauses} testId="preview-clauses" />
          {proposal.lines.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {translate('app.claims.preview.no_part')}{' '}
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
              totalLabel={translate('app.claims.preview.total')}
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
