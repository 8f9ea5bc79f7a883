import {
  ApproveQuoteDocument,
  CancelClaimDocument,
  CloseClaimDocument,
  CompleteRepairDocument,
  DeclineMaintenanceAgreementDocument,
  DeclineQuoteDocument,
  ReceiveUnitDocument,
  RecordAssessmentDocument,
  RecordMaintenanceAgreementDocument,
  RemoteResolution,
  ReplaceUnitDocument,
  RequestUnitDocument,
  ResolveClaimRemotelyDocument,
  ShipClaimDocument,
  StartInspectionDocument,
  StartRemoteDiagnosisDocument,
  type ClaimAction,
  type ClaimDetailFragment,
  type ShipmentInput,
} from '@aftersale/graphql';
import type { ButtonProps, DialogProps } from '@mui/material';
import type { ComponentType } from 'react';
import { enumValue, numberOf, trimmedInput, text, type FormData } from '../api/operation';
import { request } from '../api/request';
import {
  AgreementInputs,
  ApproveQuoteInputs,
  CancelInputs,
  CompleteRepairInputs,
  NoteInput,
  ReplaceUnitInputs,
  RequestUnitInputs,
  ResolveRemotelyInputs,
  ShipmentInputs,
} from './ClaimStepInputs';
import { InspectionInputs } from './InspectionForm';
import { assessmentOf } from './inspection-values';
import { today } from '../fields/local-date';

/** How the claim page offers one step of §4: its button, its dialog's form, and the mutation it calls. */
interface ClaimActionSpec {
  /** Catalogue keys (app.claims.action.<ACTION>.*): the button's words, */
  label: string;
  /** the dialog's first words (what the step does), */
  description: string;
  color?: ButtonProps['color'];
  Inputs: ComponentType<{ claim: ClaimDetailFragment }>;
  defaultValues?: () => Record<string, unknown>;
  maxWidth?: DialogProps['maxWidth'];
  /** Calls the step's mutation at the version of the claim the user sees. */
  run: (claim: ClaimDetailFragment, values: FormData) => Promise<unknown>;
  /** and the notification once done. */
  done: string;
}

/** What every step sends: the claim, the version the user saw (a stale one gets CONFLICT), and the note. */
const step = (claim: ClaimDetailFragment, values: FormData) => ({
  id: claim.id,
  version: claim.version,
  note: text(values['note']) ?? null,
});

const shipment = (claim: ClaimDetailFragment, values: FormData): ShipmentInput => ({
  ...step(claim, values),
  carrier: trimmedInput(values, 'carrier'),
  trackingNumber: trimmedInput(values, 'trackingNumber'),
  shippedOn: trimmedInput(values, 'shippedOn'),
  cost: numberOf(values, 'cost') ?? null,
});

const NoteOnly = () => <NoteInput />;
const shippedToday = () => ({ shippedOn: today() });

/**
 * Every ClaimAction of the schema, in lifecycle order. The page shows the
 * ones the API lists in `availableActions`, and nothing else: the API
 * decides who may do what, and when.
 */
export const claimActions: Record<ClaimAction, ClaimActionSpec> = {
  START_REMOTE_DIAGNOSIS: {
    label: 'app.claims.action.START_REMOTE_DIAGNOSIS.label',
    description: 'app.claims.action.START_REMOTE_DIAGNOSIS.description',
    Inputs: NoteOnly,
    run: (claim, values) => request(StartRemoteDiagnosisDocument, { input: step(claim, values) }),
    done: 'app.claims.action.START_REMOTE_DIAGNOSIS.done',
  },
  RESOLVE_REMOTELY: {
    label: 'app.claims.action.RESOLVE_REMOTELY.label',
    description: 'app.claims.action.RESOLVE_REMOTELY.description',
    color: 'success',
    Inputs: ResolveRemotelyInputs,
    defaultValues: () => ({ how: RemoteResolution.GUIDANCE }),
    run: (claim, values) =>
      request(ResolveClaimRemotelyDocument, {
        input: {
          ...step(claim, values),
          how: enumValue(values['how'], RemoteResolution) ?? RemoteResolution.GUIDANCE,
          resolution: trimmedInput(values, 'resolution'),
        },
      }),
    done: 'app.claims.action.RESOLVE_REMOTELY.done',
  },
  REQUEST_UNIT: {
    label: 'app.claims.action.REQUEST_UNIT.label',
    description: 'app.claims.action.REQUEST_UNIT.description',
    Inputs: RequestUnitInputs,
    run: (claim, values) => request(RequestUnitDocument, { input: { ...step(claim, values), serviceCentreId: trimmedInput(values, 'serviceCentreId') } }),
    done: 'app.claims.action.REQUEST_UNIT.done',
  },
  RECEIVE_UNIT: {
    label: 'app.claims.action.RECEIVE_UNIT.label',
    description: 'app.claims.action.RECEIVE_UNIT.description',
    Inputs: ShipmentInputs,
    defaultValues: shippedToday,
    run: (claim, values) => request(ReceiveUnitDocument, { input: shipment(claim, values) }),
    done: 'app.claims.action.RECEIVE_UNIT.done',
  },
  START_INSPECTION: {
    label: 'app.claims.action.START_INSPECTION.label',
    description: 'app.claims.action.START_INSPECTION.description',
    Inputs: NoteOnly,
    run: (claim, values) => request(StartInspectionDocument, { input: step(claim, values) }),
    done: 'app.claims.action.START_INSPECTION.done',
  },
  RECORD_ASSESSMENT: {
    label: 'app.claims.action.RECORD_ASSESSMENT.label',
    description: 'app.claims.action.RECORD_ASSESSMENT.description',
    Inputs: InspectionInputs,
    maxWidth: 'md',
    defaultValues: () => ({ findings: [], lines: [], withServiceCharge: false }),
    run: (claim, values) => request(RecordAssessmentDocument, { input: { ...assessmentOf(values), id: claim.id, version: claim.version } }),
    done: 'app.claims.action.RECORD_ASSESSMENT.done',
  },
  RECORD_AGREEMENT: {
    label: 'app.claims.action.RECORD_AGREEMENT.label',
    description: 'app.claims.action.RECORD_AGREEMENT.description',
    Inputs: AgreementInputs,
    defaultValues: () => ({ signedOn: today() }),
    run: (claim, values) =>
      request(RecordMaintenanceAgreementDocument, {
        input: { ...step(claim, values), signedOn: trimmedInput(values, 'signedOn'), signedBy: trimmedInput(values, 'signedBy') },
      }),
    done: 'app.claims.action.RECORD_AGREEMENT.done',
  },
  DECLINE_AGREEMENT: {
    label: 'app.claims.action.DECLINE_AGREEMENT.label',
    description: 'app.claims.action.DECLINE_AGREEMENT.description',
    color: 'error',
    Inputs: NoteOnly,
    run: (claim, values) => request(DeclineMaintenanceAgreementDocument, { input: step(claim, values) }),
    done: 'app.claims.action.DECLINE_AGREEMENT.done',
  },
  APPROVE_QUOTE: {
    label: 'app.claims.action.APPROVE_QUOTE.label',
    description: 'app.claims.action.APPROVE_QUOTE.description',
    color: 'success',
    Inputs: ApproveQuoteInputs,
    run: (claim, values) => request(ApproveQuoteDocument, { input: step(claim, values) }),
    done: 'app.claims.action.APPROVE_QUOTE.done',
  },
  DECLINE_QUOTE: {
    label: 'app.claims.action.DECLINE_QUOTE.label',
    description: 'app.claims.action.DECLINE_QUOTE.description',
    color: 'error',
    Inputs: NoteOnly,
    run: (claim, values) => request(DeclineQuoteDocument, { input: step(claim, values) }),
    done: 'app.claims.action.DECLINE_QUOTE.done',
  },
  COMPLETE_REPAIR: {
    label: 'app.claims.action.COMPLETE_REPAIR.label',
    description: 'app.claims.action.COMPLETE_REPAIR.description',
    color: 'success',
    Inputs: CompleteRepairInputs,
    run: (claim, values) => request(CompleteRepairDocument, { input: step(claim, values) }),
    done: 'app.claims.action.COMPLETE_REPAIR.done',
  },
  REPLACE_UNIT: {
    label: 'app.claims.action.REPLACE_UNIT.label',
    description: 'app.claims.action.REPLACE_UNIT.description',
    Inputs: ReplaceUnitInputs,
    run: (claim, values) =>
      request(ReplaceUnitDocument, {
        input: { ...step(claim, values), imei: trimmedInput(values, 'imei'), barcode: trimmedInput(values, 'barcode') },
      }),
    done: 'app.claims.action.REPLACE_UNIT.done',
  },
  SHIP: {
    label: 'app.claims.action.SHIP.label',
    description: 'app.claims.action.SHIP.description',
    Inputs: ShipmentInputs,
    defaultValues: shippedToday,
    run: (claim, values) => request(ShipClaimDocument, { input: shipment(claim, values) }),
    done: 'app.claims.action.SHIP.done',
  },
  CLOSE: {
    label: 'app.claims.action.CLOSE.label',
    description: 'app.claims.action.CLOSE.description',
    Inputs: NoteOnly,
    run: (claim, values) => request(CloseClaimDocument, { input: step(claim, values) }),
    done: 'app.claims.action.CLOSE.done',
  },
  CANCEL: {
    label: 'app.claims.action.CANCEL.label',
    description: 'app.claims.action.CANCEL.description',
    color: 'error',
    Inputs: CancelInputs,
    run: (claim, values) => request(CancelClaimDocument, { input: step(claim, values) }),
    done: 'app.claims.action.CANCEL.done',
  },
};
