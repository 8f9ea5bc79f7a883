import type { EntityName } from '@mikro-orm/core';
import { Assessment } from './assessment.entity.js';
import { AssessmentResolver } from './assessment.resolver.js';
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

const entities: EntityName[] = [Claim, ClaimEvent, Assessment, ClaimLine, MaintenanceAgreement, Shipment, RetainedPart, Attachment];

/** Claims from submission to closing (POLICY.md §4), what each step records, their attachments and their event log. */
export const claimsModule = {
  entities,
  resolvers: (claims: ClaimsService, workflow: ClaimWorkflowService) => [
    new ClaimsResolver(claims),
    new ClaimWorkflowResolver(workflow),
    new AssessmentResolver(),
  ],
  routes: (claims: ClaimsService) => attachmentRoutes(new AttachmentsService(claims)),
};
