import type { ClaimDetailFragment } from '@aftersale/graphql';
import { Alert, Chip, Stack, TableCell, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
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
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const overridden = assessment.decision !== assessment.proposedDecision;
  return (
    <Stack spacing={1.5} data-testid="claim-assessment">
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} sx={{ alignItems: 'center' }}>
        <Chip label={enumLabel(assessment.decision)} color="primary" data-testid="assessment-decision" data-decision={assessment.decision} />
        {overridden && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.claims.assessment.overrides')} <strong>{enumLabel(assessment.proposedDecision)}</strong>
          </Typography>
        )}
        <Typography variant="body2" color="text.secondary" data-testid="assessment-policy-version">
          {translate(assessment.underWarranty ? 'app.claims.assessment.policy_under_warranty' : 'app.claims.assessment.policy_out_of_warranty', {
            version: assessment.policyVersion,
            date: formatLocalDate(assessment.lastCoveredDay),
          })}
        </Typography>
      </Stack>
      {overridden && assessment.overrideReason && (
        <Alert severity="info">{translate('app.claims.assessment.override_reason', { reason: assessment.overrideReason })}</Alert>
      )}
      {assessment.agreementRequired && (
        <Alert severity={claim.maintenanceAgreement ? 'success' : 'warning'}>
          {translate(claim.maintenanceAgreement ? 'app.claims.assessment.agreement_signed' : 'app.claims.assessment.agreement_required')}
        </Alert>
      )}
      {claim.formType === 'REPLACEMENT' && !assessment.replacementAllowed && (
        <Alert severity="info">{translate('app.claims.assessment.handled_as_repair')}</Alert>
      )}
      {assessment.findings.length > 0 && (
        <Typography variant="body2">{translate('app.claims.assessment.findings', { findings: assessment.findings.map(enumLabel).join(', ') })}</Typography>
      )}
      <ClauseList codes={assessment.clauses} testId="assessment-clauses" />
      {claim.lines.length === 0 ? (
        <Typography color="text.secondary">{translate('app.claims.assessment.no_faulty_part')}</Typography>
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
                <TableCell colSpan={columns}>
                  {translate('app.claims.assessment.service_charge', { description: assessment.serviceChargeDescription })}
                </TableCell>
                <TableCell align="right">{formatMoney(assessment.serviceCharge, currency)}</TableCell>
              </TableRow>
            )
          }
        />
      )}
    </Stack>
  );
};
