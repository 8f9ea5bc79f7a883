import { addDays, daysOverdue, invoiceDueOn, invoiceLines, invoiceNumber, invoiceTransition, policyInForce, type InvoiceAction } from '@aftersale/domain';
import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { customerScope, type Actor } from '../platform/actor.js';
import { appendClaimEvent } from '../claims/claim-events.js';
import type { ClaimCharges, ClaimInvoicing } from '../claims/claim-invoicing.js';
import type { Claim } from '../claims/claim.entity.js';
import type { Clock } from '../platform/clock.js';
import { loadForEdit } from '../platform/optimistic-locking.js';
import { pastDate, nonBlankText } from '../platform/validators.js';
import { BadUserInputError, NotFoundError } from '../platform/errors.js';
import { parseId, parseIds } from '../platform/ids.js';
import { likePattern } from '../platform/like-pattern.js';
import { groupedBy } from '../platform/loaders.js';
import { SortDirection, type ListQuery } from '../platform/pagination.js';
import { InvoiceLine } from './invoice-line.entity.js';
import { Invoice } from './invoice.entity.js';
import type { InvoiceFilter, InvoiceSort, InvoiceStepInput, PayInvoiceInput, VoidInvoiceInput } from './invoices.inputs.js';
import type { InvoiceSettings } from './invoice-settings.js';

/** How each sort field orders the rows (relations joined by MikroORM). */
const sortOrder = {
  NUMBER: (d: 'asc' | 'desc') => ({ year: d, sequence: d }),
  STATUS: (d: 'asc' | 'desc') => ({ status: d }),
  CUSTOMER: (d: 'asc' | 'desc') => ({ customer: { name: d } }),
  TOTAL: (d: 'asc' | 'desc') => ({ total: d }),
  ISSUED_ON: (d: 'asc' | 'desc') => ({ issuedOn: d }),
  PAID_ON: (d: 'asc' | 'desc') => ({ paidOn: d }),
  CREATED_AT: (d: 'asc' | 'desc') => ({ createdAt: d }),
} as const;

const populate = ['customer', 'claim', 'claim.customer', 'lines', 'lines.part'] as const;

/**
 * Invoices move DRAFT → ISSUED → PAID or VOID (domain: invoiceTransition).
 * Issuing takes the next number of the year from `invoice_counter` in the
 * same transaction: the counter row's lock queues concurrent issuers and a
 * rollback gives the number back, so numbers have no gaps and no repeats.
 */
export class InvoicesService implements ClaimInvoicing {
  constructor(
    private readonly clock: Clock,
    readonly settings: InvoiceSettings,
  ) {}

  /** The day an issued invoice falls due under the seller's payment terms. */
  dueOn(invoice: Pick<Invoice, 'issuedOn'>): string | null {
    return invoice.issuedOn ? invoiceDueOn(invoice.issuedOn, this.settings.paymentTermsDays) : null;
  }

  /** Days an issued, unpaid invoice is past its due day today (0 when not yet due); null once paid, void or still a draft. */
  daysOverdue(invoice: Pick<Invoice, 'issuedOn' | 'status'>): number | null {
    const dueOn = this.dueOn(invoice);
    return invoice.status === 'ISSUED' && dueOn ? daysOverdue(dueOn, this.clock.today()) : null;
  }

  /** Invoices by the filter, within the caller's customer for integrators; newest first unless sorted otherwise. */
  listQuery(actor: Actor, filter: InvoiceFilter = {}, sort: InvoiceSort | undefined): ListQuery<Invoice> {
    const where: FilterQuery<Invoice> = {};
    if (filter.ids) where.id = { $in: parseIds(filter.ids, 'filter.ids') };
    if (filter.status?.length) where.status = { $in: filter.status };
    if (filter.customerId) where.customer = parseId(filter.customerId, 'filter.customerId');
    if (filter.claimId) where.claim = parseId(filter.claimId, 'filter.claimId');
    if (filter.q?.trim()) where.number = { $ilike: likePattern(filter.q) };
    if (filter.issuedFrom || filter.issuedTo)
      where.issuedOn = { ...(filter.issuedFrom && { $gte: filter.issuedFrom }), ...(filter.issuedTo && { $lte: filter.issuedTo }) };
    if (filter.overdueDays !== undefined) {
      // Unpaid and at least that many days past due: issued on or before today − terms − days.
      where.status = 'ISSUED';
      where.issuedOn = { ...(where.issuedOn as object), $lte: addDays(this.clock.today(), -this.settings.paymentTermsDays - filter.overdueDays) };
    }
    const scope = customerScope(actor);
    if (scope !== undefined) where.customer = scope;
    const direction = sort?.direction === SortDirection.DESC ? 'desc' : 'asc';
    const orderBy: QueryOrderMap<Invoice>[] = sort ? [sortOrder[sort.field](direction), { id: direction }] : [{ id: 'desc' }];
    return { entity: Invoice, where, populate: ['customer', 'claim'], orderBy };
  }

  async get(em: EntityManager, actor: Actor, id: string): Promise<Invoice> {
    const scope = customerScope(actor);
    const invoice = await em.findOne(Invoice, { id: parseId(id, 'id'), ...(scope !== undefined && { customer: scope }) }, { populate });
    if (!invoice) throw new NotFoundError('Invoice', id);
    return invoice;
  }

  /** The invoices of many claims, oldest first, in the order of `claimIds` (the claims are already scoped to the caller). */
  async ofClaims(em: EntityManager, claimIds: readonly number[]): Promise<Invoice[][]> {
    const rows = await em.find(Invoice, { claim: { $in: [...claimIds] } }, { populate: ['customer'], orderBy: { id: 'asc' } });
    return groupedBy(claimIds, rows, (row) => row.claim.id);
  }

  /** The lines of many invoices, in the order of `invoiceIds`. */
  async linesOf(em: EntityManager, invoiceIds: readonly number[]): Promise<InvoiceLine[][]> {
    const rows = await em.find(InvoiceLine, { invoice: { $in: [...invoiceIds] } }, { populate: ['part', 'part.model'], orderBy: { id: 'asc' } });
    return groupedBy(invoiceIds, rows, (row) => row.invoice.id);
  }

  /** H6–H8: the draft invoice of a paid repair, from the domain's invoice lines, in the caller's transaction; none when nothing is charged. */
  async draftForClaim(em: EntityManager, claim: Claim, charges: ClaimCharges): Promise<Invoice | null> {
    const invoiced = invoiceLines(charges);
    if (invoiced.lines.length === 0) return null;
    const clausesOf = new Map(charges.lines.map((line) => [line.partId, line.clauses]));
    const invoice = em.create(Invoice, {
      claim,
      customer: claim.customer,
      status: 'DRAFT',
      currency: policyInForce(claim.submittedOn).currency,
      total: invoiced.total,
    });
    for (const line of invoiced.lines) {
      em.create(InvoiceLine, {
        invoice,
        kind: line.kind,
        description: line.description,
        part: line.partId ? Number(line.partId) : null,
        unitAmount: line.amount,
        amount: line.amount,
        clauses: line.partId ? [...(clausesOf.get(line.partId) ?? [])] : [],
      });
    }
    await em.flush();
    return invoice;
  }

  issue(em: EntityManager, actor: Actor, input: InvoiceStepInput) {
    return this.step(em, actor, input, 'ISSUE', async (tx, invoice) => {
      const today = this.clock.today();
      const year = Number(today.slice(0, 4));
      const [row] = await tx.execute<{ last_number: number }[]>(
        `insert into invoice_counter (year, last_number) values (?, 1)
         on conflict (year) do update set last_number = invoice_counter.last_number + 1 returning last_number`,
        [year],
      );
      invoice.year = year;
      invoice.sequence = row!.last_number;
      invoice.number = invoiceNumber(year, row!.last_number);
      invoice.issuedOn = today;
      return { number: invoice.number };
    });
  }

  pay(em: EntityManager, actor: Actor, input: PayInvoiceInput) {
    return this.step(em, actor, input, 'PAY', (_tx, invoice) => {
      pastDate(input.paidOn, this.clock.today(), 'paidOn');
      if (invoice.issuedOn && input.paidOn < invoice.issuedOn) throw new BadUserInputError('paidOn', `is before the invoice was issued (${invoice.issuedOn}).`);
      invoice.paidOn = input.paidOn;
      return { paidOn: input.paidOn };
    });
  }

  void(em: EntityManager, actor: Actor, input: VoidInvoiceInput) {
    const reason = nonBlankText(input.reason, 'reason', 500);
    return this.step(em, actor, input, 'VOID', (_tx, invoice) => {
      invoice.voidReason = reason;
      return { reason };
    });
  }

  private async step(
    em: EntityManager,
    actor: Actor,
    input: InvoiceStepInput,
    action: InvoiceAction,
    work: (tx: EntityManager, invoice: Invoice) => Record<string, unknown> | Promise<Record<string, unknown>>,
  ) {
    await em.transactional(async (tx) => {
      const invoice = await loadForEdit(tx, Invoice, 'Invoice', input.id, input.version);
      await tx.populate(invoice, ['claim', 'claim.customer']);
      const to = invoiceTransition(invoice.status, action);
      const data = await work(tx, invoice);
      invoice.status = to;
      // The claim's story includes its invoice.
      appendClaimEvent(tx, invoice.claim, actor, `INVOICE_${to}`, { data: { invoice: invoice.id, number: invoice.number, total: invoice.total, ...data } });
      await tx.flush();
    });
    return this.get(em.fork(), actor, input.id);
  }
}
