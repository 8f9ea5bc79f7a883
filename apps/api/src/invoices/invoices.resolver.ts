import { invoiceActionsFor, invoiceRolesAllowedTo, STAFF_ROLES, type InvoiceAction } from '@aftersale/domain';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { actorOf, type Context } from '../platform/context.js';
import { ConnectionArgs, findConnection, findPage, PageArgs } from '../platform/pagination.js';
import { selects } from '../platform/selection.js';
import type { Invoice } from './invoice.entity.js';
import { InvoicesService } from './invoices.service.js';
import { InvoiceActionEnum, InvoiceConnection, InvoiceLineType, InvoicePage, InvoiceType } from './invoices.types.js';
import { InvoiceFilter, InvoiceSort, InvoiceStepInput, PayInvoiceInput, VoidInvoiceInput } from './invoices.inputs.js';
import { LocalDateScalar } from '../platform/scalars.js';

/** Agents issue invoices and record payments (who may, comes from the domain: invoiceRolesAllowedTo); integrators read their own. */
@Resolver(() => InvoiceType)
export class InvoicesResolver {
  constructor(private readonly service: InvoicesService) {}

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => InvoicePage, { description: 'Invoices, newest first. PDF: GET /api/invoices/{id}.pdf' })
  invoices(
    @Arg('filter', () => InvoiceFilter, { nullable: true }) filter: InvoiceFilter | undefined,
    @Arg('sort', () => InvoiceSort, { nullable: true }) sort: InvoiceSort | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findPage(ctx.em, this.service.listQuery(actorOf(ctx), filter, sort), page, selects(info, 'total'));
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => InvoiceConnection, {
    description:
      'invoices as `invoices` gives them. As a connection (first/after, keyset: a deep page costs what the first does), for integrators and deep paging.',
  })
  invoicesConnection(
    @Arg('filter', () => InvoiceFilter, { nullable: true }) filter: InvoiceFilter | undefined,
    @Arg('sort', () => InvoiceSort, { nullable: true }) sort: InvoiceSort | undefined,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return findConnection(ctx.em, this.service.listQuery(actorOf(ctx), filter, sort), page, selects(info, 'totalCount'));
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => InvoiceType)
  invoice(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return this.service.get(ctx.em, actorOf(ctx), id);
  }

  @Authorized(...invoiceRolesAllowedTo('ISSUE'))
  @Mutation(() => InvoiceType, { description: 'Gives the draft its gapless number of the year (INV-YYYY-NNNNNN).' })
  issueInvoice(@Arg('input', () => InvoiceStepInput) input: InvoiceStepInput, @Ctx() ctx: Context) {
    return this.service.issue(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...invoiceRolesAllowedTo('PAY'))
  @Mutation(() => InvoiceType)
  markInvoicePaid(@Arg('input', () => PayInvoiceInput) input: PayInvoiceInput, @Ctx() ctx: Context) {
    return this.service.pay(ctx.em, actorOf(ctx), input);
  }

  @Authorized(...invoiceRolesAllowedTo('VOID'))
  @Mutation(() => InvoiceType, { description: 'Cancels an issued invoice; it keeps its number.' })
  voidInvoice(@Arg('input', () => VoidInvoiceInput) input: VoidInvoiceInput, @Ctx() ctx: Context) {
    return this.service.void(ctx.em, actorOf(ctx), input);
  }

  @FieldResolver(() => [InvoiceLineType])
  lines(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.get('Invoice.lines', (ids: readonly number[]) => this.service.linesOf(ctx.em, ids)).load(invoice.id);
  }

  @FieldResolver(() => [InvoiceActionEnum], { description: 'What the caller may do to the invoice now (domain: the invoice lifecycle).' })
  availableActions(@Root() invoice: Invoice, @Ctx() ctx: Context): InvoiceAction[] {
    const actor = actorOf(ctx);
    return actor.kind === 'staff' ? invoiceActionsFor(invoice.status, actor.role) : [];
  }

  @FieldResolver(() => ID, { description: 'The claim invoiced.' })
  claimId(@Root() invoice: Invoice) {
    return invoice.claim.id;
  }

  @FieldResolver(() => String, { description: 'The claim invoiced: its number.' })
  async claimNumber(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    // Lists load it with the invoice; a single invoice already has it too.
    return invoice.claim.number ?? (await ctx.em.populate(invoice, ['claim'])).claim.number;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: "The day it falls due under the seller's payment terms; null until issued." })
  dueOn(@Root() invoice: Invoice) {
    return this.service.dueOn(invoice);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Unpaid ageing: days past the due day today (0 when not yet due); null unless issued and unpaid.' })
  daysOverdue(@Root() invoice: Invoice) {
    return this.service.daysOverdue(invoice);
  }
}
