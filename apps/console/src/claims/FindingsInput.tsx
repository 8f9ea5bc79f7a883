import { type Finding } from '@aftersale/graphql';
import { Box, Checkbox, FormControlLabel, FormLabel, Typography } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
import { clauseTextKey } from './ClauseCodes';
import { usePolicyReference } from './claim-reference';
import { findingsOf } from './inspection-values';

/** The findings of §5 with their clause letters and texts, in the policy's order, as checkboxes. */
export const FindingsInput = () => {
  const { clauses, findings } = usePolicyReference();
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  const { field } = useInput<Finding[]>({ source: 'findings', defaultValue: [] });
  const selected = findingsOf(field.value);
  const clauseOrder = [...clauses.keys()];
  // Findings that are a clause of their own in the policy's order, then the others (water, serious damage).
  const rank = ({ code, clause }: (typeof findings)[number]) => {
    const index = clause && code === clause ? clauseOrder.indexOf(clause) : -1;
    return index >= 0 ? index : clauseOrder.length;
  };
  const ordered = [...findings].sort((a, b) => rank(a) - rank(b));
  const toggle = (finding: Finding, on: boolean) => field.onChange(on ? [...selected, finding] : selected.filter((other) => other !== finding));
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }} data-testid="inspection-findings">
      <FormLabel component="legend">{translate('app.claims.inspection.findings')}</FormLabel>
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
                  {reading ? translate(`app.finding_reading.${finding}`) : info ? translate(clauseTextKey(info.code)) : undefined}
                </Typography>
              </Box>
            }
          />
        );
      })}
    </Box>
  );
};
