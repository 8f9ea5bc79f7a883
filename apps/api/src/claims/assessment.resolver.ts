import { chargesCustomer } from '@aftersale/domain';
import { FieldResolver, Resolver, Root } from 'type-graphql';
import type { Assessment } from './assessment.entity.js';
import { AssessmentType } from './claim-workflow.types.js';

/** What the domain reads from a recorded assessment, so no client restates the rule. */
@Resolver(() => AssessmentType)
export class AssessmentResolver {
  @FieldResolver(() => Boolean, { description: 'H6, H8: a line is chargeable or a service charge was entered, so the customer is asked to approve a quote.' })
  chargesCustomer(@Root() assessment: Assessment): boolean {
    return chargesCustomer({ total: assessment.total, serviceCharged: assessment.serviceCharge !== null });
  }
}
