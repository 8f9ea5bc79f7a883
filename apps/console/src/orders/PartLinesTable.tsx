import type { OrderDetailFragment } from '@aftersale/graphql';
import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';

type SpareLine = OrderDetailFragment['spareShipment'][number];
/** A spare shipment's line; an allowance's lines are the same without `negotiated`. */
type PartLine = Omit<SpareLine, 'negotiated'> & Partial<Pick<SpareLine, 'negotiated'>>;

/** Spare parts by part and quantity: an order's allowance, or what was shipped with the goods. */
export const PartLinesTable = ({ lines, testId }: { lines: readonly PartLine[]; testId: string }) => {
  const translate = useTranslate();
  const enumLabel = useEnumLabel();
  return (
    <Table size="small" data-testid={testId}>
      <TableHead>
        <TableRow>
          <TableCell>{translate('resources.parts.fields.name')}</TableCell>
          <TableCell>{translate('resources.parts.fields.category')}</TableCell>
          <TableCell align="right">{translate('resources.orders.fields.quantity')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {lines.map(({ part, quantity, negotiated }) => (
          <TableRow key={part.id} data-testid={`${testId}-line`} data-sku={part.sku} data-quantity={quantity}>
            <TableCell>
              <span style={{ fontFamily: 'monospace' }}>{part.sku}</span> {part.name}
              {negotiated && <Chip size="small" label={translate('app.orders.negotiated')} sx={{ ml: 1 }} />}
            </TableCell>
            <TableCell>{enumLabel(part.category)}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {quantity}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
