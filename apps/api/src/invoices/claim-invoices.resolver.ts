import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Claim } from '../claims/claim.entity.js';
import { ClaimType } from '../claims/claim.types.js';
import type { Context } from '../platform/context.js';
import type { InvoicesService } from './invoices.service.js';
import { InvoiceType } from './invoices.types.js';

/** `Claim.invoices`: the invoices feature adds its field to the claim, so claims never imports invoices. */
@Resolver(() => ClaimType)
export class ClaimInvoicesResolver {
  constructor(private readonly service: InvoicesService) {}

  @FieldResolver(() => [InvoiceType])
  invoices(@Root() claim: Pick<Claim, 'id'>, @Ctx() ctx: Context) {
    return ctx.loaders.get('Claim.invoices', (ids: readonly number[]) => this.service.ofClaims(ctx.em, ids)).load(claim.id);
  }
}
