import { AdjustStockDocument, ConsumeStockDocument, ReceiveStockDocument, type StockLevelItemFragment } from '@aftersale/graphql';
import AddIcon from '@mui/icons-material/AddBox';
import TuneIcon from '@mui/icons-material/Tune';
import RemoveIcon from '@mui/icons-material/IndeterminateCheckBox';
import { Stack } from '@mui/material';
import type { ReactNode } from 'react';
import { NumberInput, TextInput, minValue, required, useCanAccess } from 'react-admin';
import { request } from '../api/request';
import { numberOf, text, type FormData } from '../api/operation';
import { MutationDialogButton } from '../layout/MutationDialogButton';

/** How the console offers one stock movement: its button, its dialog's inputs, and the mutation it calls. */
interface StockMove {
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
    label: 'Receive',
    icon: <AddIcon />,
    description: 'Parts delivered to the service centre.',
    inputs: (
      <>
        <NumberInput source="quantity" label="resources.stock.fields.quantity" min={1} step={1} validate={wholePieces} />
        <TextInput source="reason" label="resources.stock.fields.reason" fullWidth />
      </>
    ),
    run: (where, values) =>
      request(ReceiveStockDocument, { input: { ...where, quantity: numberOf(values, 'quantity') ?? 0, reason: text(values['reason']) ?? null } }),
    done: 'received',
  },
  adjust: {
    label: 'Adjust',
    icon: <TuneIcon />,
    description: 'A correction after a stocktake or damage in storage: a positive number adds pieces, a negative one removes them; never below zero.',
    inputs: (
      <>
        <NumberInput source="delta" label="resources.stock.fields.delta" step={1} validate={required()} />
        <TextInput source="reason" label="app.stock.reason" validate={required()} fullWidth helperText="app.stock.stocktake_damaged_in_storage" />
      </>
    ),
    run: (where, values) => request(AdjustStockDocument, { input: { ...where, delta: numberOf(values, 'delta') ?? 0, reason: text(values['reason']) ?? '' } }),
    done: 'adjusted',
  },
  consume: {
    label: 'Consume',
    icon: <RemoveIcon />,
    description: 'Parts taken for a repair; refused when fewer are on hand.',
    inputs: (
      <>
        <NumberInput source="quantity" label="app.stock.pieces_taken" min={1} step={1} validate={wholePieces} />
        <TextInput source="reason" label="app.stock.reason" fullWidth />
      </>
    ),
    run: (where, values) =>
      request(ConsumeStockDocument, { input: { ...where, quantity: numberOf(values, 'quantity') ?? 0, reason: text(values['reason']) ?? null } }),
    done: 'consumed',
  },
} satisfies Record<string, StockMove>;

/**
 * Receive, adjust and consume for one stock level, offered to the roles the
 * API lets move stock (ADMIN, TECHNICIAN). Each dialog is `stock-<move>-dialog`.
 */
export const StockMoveButtons = ({ level }: { level: StockLevelItemFragment }) => {
  const { canAccess } = useCanAccess({ resource: 'stock', action: 'edit', record: level });
  if (!canAccess) return null;
  const where = { serviceCentreId: level.serviceCentre.id, partId: level.part.id };
  return (
    // A click in a list row's buttons or dialogs is not a click on the row.
    <Stack direction="row" gap={1} onClick={(event) => event.stopPropagation()} role="toolbar" aria-label="app.stock.stock_movements">
      {Object.entries(stockMoves).map(([move, spec]) => (
        <MutationDialogButton
          key={move}
          label={spec.label}
          icon={spec.icon}
          testId={`stock-${move}`}
          title={`${spec.label} ${level.part.sku} at ${level.serviceCentre.name}`}
          description={`${spec.description} On hand now: ${level.onHand}.`}
          submitLabel={spec.label}
          onSubmit={(values) => spec.run(where, values)}
          successMessage={`${level.part.sku}: stock ${spec.done}`}
        >
          {spec.inputs}
        </MutationDialogButton>
      ))}
    </Stack>
  );
};
