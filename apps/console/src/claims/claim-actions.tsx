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
  label: string;
  /** The dialog's first words: what the step does. */
  description: string;
  color?: ButtonProps['color'];
  Inputs: ComponentType<{ claim: ClaimDetailFragment }>;
  defaultValues?: () => Record<string, unknown>;
  maxWidth?: DialogProps['maxWidth'];
  /** Calls the step's mutation at the version of the claim the user sees. */
  run: (claim: ClaimDetailFragment, values: FormData) => Promise<unknown>;
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
    label: 'Start remote diagnosis',
    description: 'Try to solve the fault with the customer remotely first (H1).',
    Inputs: NoteOnly,
    run: (claim, values) => request(StartRemoteDiagnosisDocument, { input: step(claim, values) }),
    done: 'Remote diagnosis started',
  },
  RESOLVE_REMOTELY: {
    label: 'Resolve remotely',
    description: 'The fault was solved without shipping the unit (H1).',
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
    done: 'Claim resolved remotely',
  },
  REQUEST_UNIT: {
    label: 'Request the unit',
    description: 'Ask the customer to back up and delete their data and send the unit to a service centre (H2, H3).',
    Inputs: RequestUnitInputs,
    run: (claim, values) => request(RequestUnitDocument, { input: { ...step(claim, values), serviceCentreId: trimmedInput(values, 'serviceCentreId') } }),
    done: 'Unit requested',
  },
  RECEIVE_UNIT: {
    label: 'Receive the unit',
    description: 'The unit arrived at the service centre. Record the inbound shipment.',
    Inputs: ShipmentInputs,
    defaultValues: shippedToday,
    run: (claim, values) => request(ReceiveUnitDocument, { input: shipment(claim, values) }),
    done: 'Unit received',
  },
  START_INSPECTION: {
    label: 'Start inspection',
    description: 'The technician starts inspecting the unit.',
    Inputs: NoteOnly,
    run: (claim, values) => request(StartInspectionDocument, { input: step(claim, values) }),
    done: 'Inspection started',
  },
  RECORD_ASSESSMENT: {
    label: 'Record assessment',
    description: 'What the inspection found. The policy proposes the decision line by line (§5, R1–R3).',
    Inputs: InspectionInputs,
    maxWidth: 'md',
    defaultValues: () => ({ findings: [], lines: [], withServiceCharge: false }),
    run: (claim, values) => request(RecordAssessmentDocument, { input: { ...assessmentOf(values), id: claim.id, version: claim.version } }),
    done: 'Assessment recorded',
  },
  RECORD_AGREEMENT: {
    label: 'Record signed agreement',
    description: 'The customer signed the maintenance agreement at the service centre (H9).',
    Inputs: AgreementInputs,
    defaultValues: () => ({ signedOn: today() }),
    run: (claim, values) =>
      request(RecordMaintenanceAgreementDocument, {
        input: { ...step(claim, values), signedOn: trimmedInput(values, 'signedOn'), signedBy: trimmedInput(values, 'signedBy') },
      }),
    done: 'Maintenance agreement recorded',
  },
  DECLINE_AGREEMENT: {
    label: 'Agreement declined',
    description: 'The customer will not sign the maintenance agreement: the unit goes back unrepaired (H9).',
    color: 'error',
    Inputs: NoteOnly,
    run: (claim, values) => request(DeclineMaintenanceAgreementDocument, { input: step(claim, values) }),
    done: 'The unit goes back unrepaired',
  },
  APPROVE_QUOTE: {
    label: 'Approve quote',
    description: 'The customer accepts to pay for the material of the repair (H6, H8).',
    color: 'success',
    Inputs: ApproveQuoteInputs,
    run: (claim, values) => request(ApproveQuoteDocument, { input: step(claim, values) }),
    done: 'Quote approved',
  },
  DECLINE_QUOTE: {
    label: 'Decline quote',
    description: 'The customer declines the quote: the unit goes back unrepaired (H6).',
    color: 'error',
    Inputs: NoteOnly,
    run: (claim, values) => request(DeclineQuoteDocument, { input: step(claim, values) }),
    done: 'Quote declined',
  },
  COMPLETE_REPAIR: {
    label: 'Complete repair',
    description: 'The repair is done.',
    color: 'success',
    Inputs: CompleteRepairInputs,
    run: (claim, values) => request(CompleteRepairDocument, { input: step(claim, values) }),
    done: 'Repair completed',
  },
  REPLACE_UNIT: {
    label: 'Replace unit',
    description: 'The customer gets a new unit of the same model and specification (H4).',
    Inputs: ReplaceUnitInputs,
    run: (claim, values) =>
      request(ReplaceUnitDocument, {
        input: { ...step(claim, values), imei: trimmedInput(values, 'imei'), barcode: trimmedInput(values, 'barcode') },
      }),
    done: 'Unit replaced',
  },
  SHIP: {
    label: 'Ship the unit back',
    description: 'The unit goes back to the customer, at their expense (H7).',
    Inputs: ShipmentInputs,
    defaultValues: shippedToday,
    run: (claim, values) => request(ShipClaimDocument, { input: shipment(claim, values) }),
    done: 'Unit shipped',
  },
  CLOSE: {
    label: 'Close claim',
    description: 'Nothing is left to do on this claim.',
    Inputs: NoteOnly,
    run: (claim, values) => request(CloseClaimDocument, { input: step(claim, values) }),
    done: 'Claim closed',
  },
  CANCEL: {
    label: 'Cancel claim',
    description: 'Withdraw the claim before the unit is received.',
    color: 'error',
    Inputs: CancelInputs,
    run: (claim, values) => request(CancelClaimDocument, { input: step(claim, values) }),
    done: 'Claim cancelled',
  },
};
