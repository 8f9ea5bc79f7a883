import { ClaimInspectionPartsDocument, type AssessmentLineInput, type ClaimDetailFragment } from '@aftersale/graphql';
import {
  Alert,
  Box,
  Checkbox,
  FormHelperText,
  FormLabel,
  LinearProgress,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useFormState } from 'react-hook-form';
import { useInput, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { useEnumLabel } from '../fields/enum-label';
import { formatMoney } from '../fields/money';
import { isLine } from './inspection-values';

/** The faulty parts of the unit's model, with their material cost, the stock at the claim's centre and a "worn" toggle (F). */
export const PartLinesInput = ({ claim }: { claim: ClaimDetailFragment }) => {
  const centre = claim.serviceCentre;
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
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
  const setWorn = (partId: string, worn: boolean) => field.onChange(lines.map((line) => (line.partId === partId ? { ...line, worn } : line)));
  const lineError = firstMessage(errors.lines);

  return (
    <Box data-testid="inspection-parts">
      <FormLabel component="legend">
        {translate('app.claims.inspection.faulty_parts', { model: claim.model.name })}{' '}
        {lines.length === 0 ? translate('app.claims.inspection.none_ticked') : translate('app.claims.inspection.ticked', { smart_count: lines.length })}
      </FormLabel>
      {isPending && <LinearProgress aria-label={translate('app.claims.loading_the_parts')} />}
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">{translate('app.claims.inspection.faulty')}</TableCell>
              <TableCell>{translate('app.claims.lines.part')}</TableCell>
              <TableCell align="right">{translate('app.claims.inspection.material_cost')}</TableCell>
              {centre && <TableCell align="right">{translate('app.claims.inspection.on_hand_at', { centre: centre.code })}</TableCell>}
              <TableCell>{translate('app.claims.inspection.worn')}</TableCell>
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
                      inputProps={{ 'aria-label': translate('app.claims.inspection.faulty_part', { part: part.name }) }}
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
                      inputProps={{ 'aria-label': translate('app.claims.inspection.worn_part', { part: part.name }) }}
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
