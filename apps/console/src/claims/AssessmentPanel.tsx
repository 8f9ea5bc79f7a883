import type { ClaimDetailFragment } from '@aftersale/graphql';
import { Alert, Chip, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { enumLabel } from '../fields/enum-label';
import { formatLocalDate } from '../fields/local-date';
import { formatMoney } from '../fields/money';
import { AssessedLinesTable } from './AssessedLinesTable';
import { ClauseList } from './ClauseCodes';

type Assessment = NonNullable<ClaimDetailFragment['assessment']>;

/**
 * The latest assessment: the decision against what the policy proposed (and
 * why they differ), the clauses with their letters and texts, the policy
 * version it was made under (R5), and each faulty part, covered or charged (R1).
 */
export const AssessmentPanel = ({ claim, assessment }: { claim: ClaimDetailFragment; assessment: Assessment }) => {
  const { currency } = claim;
  const overridden = assessment.decision !== assessment.proposedDecision;
  return (
    <Stack spacing={1.5} data-testid="claim-assessment">
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} sx={{ alignItems: 'center' }}>
        <Chip label={enumLabel(assessment.decision)} color="primary" data-testid="assessment-decision" data-decision={assessment.decision} />
        {overridden && (
          <Typography variant="body2" color="text.secondary">
            overrides the proposed <strong>{enumLabel(assessment.proposedDecision)}</strong>
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary" data-testid="assessment-policy-version">
          Policy {assessment.policyVersion} · {assessment.underWarranty ? 'under warranty' : 'out of warranty'} (last covered day{' '}
          {formatLocalDate(assessment.lastCoveredDay)})
        </Typography>
      </Stack>
      {overridden && assessment.overrideReason && <Alert severity="info">Override reason: {assessment.overrideReason}</Alert>}
      {assessment.agreementRequired && (
        <Alert severity={claim.maintenanceAgreement ? 'success' : 'warning'}>
          Water or serious damage: the customer signs the maintenance agreement before the repair (H9)
          {claim.maintenanceAgreement ? ' — signed.' : '.'}
        </Alert>
      )}
      {claim.formType === 'REPLACEMENT' && !assessment.replacementAllowed && <Alert severity="info">The Replacement Form is handled as a repair (R3).</Alert>}
      {assessment.findings.length > 0 && <Typography variant="body2">Findings: {assessment.findings.map(enumLabel).join(', ')}</Typography>}
      <ClauseList codes={assessment.clauses} testId="assessment-clauses" />
      {claim.lines.length === 0 ? (
        <Typography color="text.secondary">No faulty part recorded.</Typography>
      ) : (
        <AssessedLinesTable
          lines={claim.lines}
          total={assessment.total}
          currency={currency}
          testId="assessment"
          showWorn
          extraRows={(columns) =>
            assessment.serviceCharge !== null && (
              <TableRow>
                <TableCell colSpan={columns}>Service charge (H8): {assessment.serviceChargeDescription}</TableCell>
                <TableCell align="right">{formatMoney(assessment.serviceCharge, currency)}</TableCell>
              </TableRow>
            )
          }
        />
      )}
    </Stack>
  );
};
