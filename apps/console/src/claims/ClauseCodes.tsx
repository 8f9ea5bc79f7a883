import type { PolicyClause } from '@aftersale/graphql';
import { Chip, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
import { usePolicyReference } from './claim-reference';

/** The catalogue key of a clause's text (packages/domain's words, in the console's language). */
export const clauseTextKey = (code: PolicyClause): string => `app.clause_text.${code}`;

/** Clause codes as small chips with their letter in the policy (only the letter when compact); the clause text on hover. */
export const ClauseCodes = ({ codes, compact = false }: { codes: readonly PolicyClause[]; compact?: boolean }) => {
  const { clauses } = usePolicyReference();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  if (codes.length === 0) return null;
  return (
    <Stack direction="row" useFlexGap flexWrap="wrap" gap={0.5}>
      {codes.map((code) => {
        const clause = clauses.get(code);
        return (
          <Tooltip key={code} title={clause ? `${enumLabel(code)}: ${translate(clauseTextKey(code))}` : enumLabel(code)}>
            <Chip
              size="small"
              variant="outlined"
              label={clause ? (compact ? clause.letter : `${clause.letter} · ${enumLabel(code)}`) : enumLabel(code)}
              data-clause={code}
            />
          </Tooltip>
        );
      })}
    </Stack>
  );
};

/** Clauses as a list: letter, name and the policy's text for each (the assessment, its preview). */
export const ClauseList = ({ codes, testId }: { codes: readonly PolicyClause[]; testId: string }) => {
  const { clauses } = usePolicyReference();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  if (codes.length === 0) return null;
  return (
    <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }} data-testid={testId}>
      {codes.map((code) => {
        const clause = clauses.get(code);
        return (
          <Typography component="li" variant="body2" key={code} data-clause={code}>
            <strong>
              {clause?.letter ?? ''} {enumLabel(code)}
            </strong>
            {clause ? ` — ${translate(clauseTextKey(code))}` : ''}
          </Typography>
        );
      })}
    </Stack>
  );
};
