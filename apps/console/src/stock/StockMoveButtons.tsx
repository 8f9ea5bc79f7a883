import { AdjustStockDocument, ConsumeStockDocument, ReceiveStockDocument, type StockLevelItemFragment } from '@aftersale/graphql';
import AddIcon from '@mui/icons-material/AddBox';
import TuneIcon from '@mui/icons-material/Tune';
import RemoveIcon from '@mui/icons-material/IndeterminateCheckBox';
import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { NumberInput, TextInput, minValue, required, useCanAccess, useTranslate } from 'react-admin';
import { request } from '../api/request';
import { numberOf, text, type FormData } from '../api/operation';
import { MutationDialogButton } from '../layout/MutationDialogButton';

/** How the console offers one stock movement: its button, its dialog's inputs, and the mutation it calls. */
interface StockMove {
  /** Catalogue keys (app.stock.move.<move>.*): label, description, done. */
  label: string;
  icon: ReactNode;
  description: string;
  inputs: ReactNode;
  run: (where: { serviceCentreId: string; partId: string }, values: FormData) => Promise<unknown>;
  done: string;
}

const wholePieces = [required(), minValue(1)];

/** Inputs are named like the mutations' input fields, so an API refusal shows under its input. */
const stockMoves = {
  receive: {
    label: 'app.stock.move.receive.label',
    icon: <AddIcon />,
    description: 'app.stock.move.receive.description',
    inputs: (
      <>
        <NumberInput source="quantity" label="resources.stock.fields.quantity" min={1} step={1} validate={wholePieces} />
        <TextInput source="reason" label="resources.stock.fields.reason" fullWidth />
      </>
    ),
    run: (where, values) =>
      request(ReceiveStockDocument, { input: { ...where, quantity: numberOf(values, 'quantity') ?? 0, reason: text(values['reason']) ?? null } }),
    done: 'app.stock.move.receive.done',
  },
  adjust: {
    label: 'app.stock.move.adjust.label',
    icon: <TuneIcon />,
    description: 'app.stock.move.adjust.description',
    inputs: (
      <>
        <NumberInput source="delta" label="resources.stock.fields.delta" step={1} validate={required()} />
        <TextInput source="reason" label="app.stock.reason" validate={required()} fullWidth helperText="app.stock.stocktake_damaged_in_storage" />
      </>
    ),
    run: (where, values) => request(AdjustStockDocument, { input: { ...where, delta: numberOf(values, 'delta') ?? 0, reason: text(values['reason']) ?? '' } }),
    done: 'app.stock.move.adjust.done',
  },
  consume: {
    label: 'app.stock.move.consume.label',
    icon: <RemoveIcon />,
    description: 'app.stock.move.consume.description',
    inputs: (
      <>
        <NumberInput source="quantity" label="app.stock.pieces_taken" min={1} step={1} validate={wholePieces} />
        <TextInput source="reason" label="app.stock.reason" fullWidth />
      </>
    ),
    run: (where, values) =>
      request(ConsumeStockDocument, { input: { ...where, quantity: numberOf(values, 'quantity') ?? 0, reason: text(values['reason']) ?? null } }),
    done: 'app.stock.move.consume.done',
  },
} satisfies Record<string, StockMove>;

/**
 * Receive, adjust and consume for one stock level, offered to the roles the
 * API lets move stock (ADMIN, TECHNICIAN). Each dialog is `stock-<move>-dialog`.
 */
export const StockMoveButtons = ({ level }: { level: StockLevelItemFragment }) => {
  const { canAccess } = useCanAccess({ resource: 'stock', action: 'edit', record: level });
  const translate = useTranslate();
  if (!canAccess) return null;
  const where = { serviceCentreId: level.serviceCentre.id, partId: level.part.id };
  return (
    // A click in a list row's buttons or dialogs is not a click on the row.
    <Stack direction="row" gap={1} onClick={(event) => event.stopPropagation()} role="toolbar" aria-label={translate('app.stock.stock_movements')}>
      {Object.entries(stockMoves).map(([move, spec]) => (
        <MutationDialogButton
          key={move}
          label={spec.label}
          icon={spec.icon}
          testId={`stock-${move}`}
          title={translate('app.stock.move.title', { move: translate(spec.label), sku: level.part.sku, centre: level.serviceCentre.name })}
          description={`${translate(spec.description)} ${translate('app.stock.move.on_hand', { onHand: level.onHand })}`}
          submitLabel={translate(spec.label)}
          onSubmit={(values) => spec.run(where, values)}
          successMessage={`${level.part.sku}: ${translate(spec.done)}`}
        >
          {spec.inputs}
        </MutationDialogButton>
      ))}
    </Stack>
  );
};
