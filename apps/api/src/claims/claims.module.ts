import { Assessment } from './assessment.entity.js';
import { Attachment } from './attachment.entity.js';
import { attachmentRoutes } from './attachments.http.js';
import { AttachmentsService } from './attachments.service.js';
import { ClaimEvent } from './claim-event.entity.js';
import { ClaimLine } from './claim-line.entity.js';
import { ClaimWorkflowResolver } from './claim-workflow.resolver.js';
import type { ClaimWorkflowService } from './claim-workflow.service.js';
import { Claim } from './claim.entity.js';
import { ClaimsResolver } from './claims.resolver.js';
import type { ClaimsService } from './claims.service.js';
import { MaintenanceAgreement } from './maintenance-agreement.entity.js';
import { RetainedPart } from './retained-part.entity.js';
import { Shipment } from './shipment.entity.js';

/** Claims from submission to closing (POLICY.md §4), what each step records, their attachments and their event log. */
export const claimsModule = {
  entities: [Claim, ClaimEvent, Assessment, ClaimLine, MaintenanceAgreement, Shipment, RetainedPart, Attachment],
  resolvers: (claims: ClaimsService, workflow: ClaimWorkflowService) => [new ClaimsResolver(claims), new ClaimWorkflowResolver(workflow)],
  routes: (claims: ClaimsService) => attachmentRoutes(new AttachmentsService(claims)),
};
