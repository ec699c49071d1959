import { col, defineTable } from '../../../platform/table.ts';

/** Billing's tables (and its views) as the code sees them (history: migrations/). Money is bigint hundredths. */

/** The ledger: accounts, append-only transactions, and their entries (each statement's entries balance per transaction). */
export const ledgerAccountsTable = defineTable('ledger_accounts', {
  id: col.uuid({ primaryKey: true }),
  kind: col.text<'client' | 'worker' | 'platform_revenue' | 'fines' | 'rewards' | 'external_in' | 'external_out' | 'developers' | 'tips'>(),
  owner_id: col.uuid.nullable(),
  created_at: col.timestamptz(),
});

export const ledgerTransactionsTable = defineTable('ledger_transactions', {
  id: col.uuid({ primaryKey: true }),
  kind: col.text(),
  reference: col.text(),
  description: col.text(),
  occurred_at: col.timestamptz(),
});

export const ledgerEntriesTable = defineTable('ledger_entries', {
  id: col.bigint({ primaryKey: true }),
  transaction_id: col.uuid(),
  account_id: col.uuid(),
  amount_cents: col.bigint(),
});

export const topUpsTable = defineTable('top_ups', {
  id: col.uuid({ primaryKey: true }),
  client_id: col.uuid(),
  amount_cents: col.bigint(),
  provider: col.text(),
  status: col.text<'succeeded' | 'declined'>(),
  provider_reference: col.text.nullable(),
  failure_reason: col.text.nullable(),
  created_at: col.timestamptz(),
});

/** A completed order, in the invoicing period it belongs to. */
export const billableOrdersTable = defineTable('billable_orders', {
  order_id: col.uuid({ primaryKey: true }),
  client_id: col.uuid(),
  worker_id: col.uuid.nullable(),
  price_cents: col.bigint(),
  completed_at: col.timestamptz(),
  period_end: col.timestamptz(),
});

/** A client's tip on an order (from orders' `order.tipped`), in the invoicing period it belongs to, paid to the worker in full. */
export const billableTipsTable = defineTable('billable_tips', {
  tip_id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  client_id: col.uuid(),
  worker_id: col.uuid(),
  amount_cents: col.bigint(),
  tipped_at: col.timestamptz(),
  period_end: col.timestamptz(),
});

/** An invoicing period closed (invoiced): no order can join it any more. */
export const billingPeriodsTable = defineTable('billing_periods', {
  period_end: col.timestamptz({ primaryKey: true }),
  closed_at: col.timestamptz(),
});

export const invoicesTable = defineTable('invoices', {
  id: col.uuid({ primaryKey: true }),
  client_id: col.uuid(),
  period_start: col.timestamptz(),
  period_end: col.timestamptz(),
  subtotal_cents: col.bigint(),
  paid_before_cents: col.bigint(),
  discount_rate: col.integer(),
  discount_cents: col.bigint(),
  /** Tips, added after the discount: total = subtotal − discount + tips. */
  tips_cents: col.bigint(),
  total_cents: col.bigint(),
  status: col.text<'unpaid' | 'paid'>(),
  issued_at: col.timestamptz(),
  paid_at: col.timestamptz.nullable(),
});

/** The `invoice_lines` view: an invoice's orders (its client's billable orders of its period). */
export const invoiceLinesView = defineTable('invoice_lines', {
  invoice_id: col.uuid(),
  order_id: col.uuid({ primaryKey: true }),
  price_cents: col.bigint(),
  completed_at: col.timestamptz(),
});

/** The `invoice_tip_lines` view (migration 0068): an invoice's tips, each its own line. */
export const invoiceTipLinesView = defineTable('invoice_tip_lines', {
  invoice_id: col.uuid(),
  tip_id: col.uuid({ primaryKey: true }),
  order_id: col.uuid(),
  worker_id: col.uuid(),
  amount_cents: col.bigint(),
  tipped_at: col.timestamptz(),
});

/** The `client_balances` view (migration 0025): a client's ledger balance, invoices, top-ups and next invoice, one row each. */
export const clientBalancesView = defineTable('client_balances', {
  client_id: col.uuid({ primaryKey: true }),
  balance_cents: col.bigint(),
  unpaid_invoices: col.integer(),
  unpaid_cents: col.bigint(),
  paid_cents: col.bigint(),
  topped_up_cents: col.bigint(),
  upcoming_cents: col.bigint(),
});

/** The `worker_earnings` view (migration 0025): a worker's statements, payouts and ledger balance (owed, not yet paid), one row each. */
export const workerEarningsView = defineTable('worker_earnings', {
  worker_id: col.uuid({ primaryKey: true }),
  statements: col.integer(),
  earned_cents: col.bigint(),
  paid_out_cents: col.bigint(),
  in_payout_cents: col.bigint(),
  balance_cents: col.bigint(),
});

/** What an order came to for its worker, recorded once. */
export const workerOutcomesTable = defineTable('worker_outcomes', {
  order_id: col.uuid({ primaryKey: true }),
  worker_id: col.uuid(),
  outcome: col.text<'completed' | 'failed'>(),
  price_cents: col.bigint(),
  at: col.timestamptz(),
});

export const rewardsTable = defineTable('rewards', {
  id: col.uuid({ primaryKey: true }),
  worker_id: col.uuid(),
  amount_cents: col.bigint(),
  reason: col.text(),
  created_by: col.uuid(),
  created_at: col.timestamptz(),
});

export const statementsTable = defineTable('statements', {
  id: col.uuid({ primaryKey: true }),
  worker_id: col.uuid(),
  period_start: col.timestamptz(),
  period_end: col.timestamptz(),
  earned_cents: col.bigint(),
  fines_cents: col.bigint(),
  rewards_cents: col.bigint(),
  debt_carried_cents: col.bigint(),
  net_cents: col.bigint(),
  adjustments_cents: col.bigint(),
  /** Clients' tips, in full: in the net. */
  tips_cents: col.bigint(),
  status: col.text<'debt' | 'payable' | 'paid'>(),
  issued_at: col.timestamptz(),
  paid_at: col.timestamptz.nullable(),
});

/** Each order and reward on a statement, traceable, on exactly one. */
export const statementLinesTable = defineTable('statement_lines', {
  statement_id: col.uuid(),
  kind: col.text<'earning' | 'fine' | 'reward' | 'adjustment' | 'tip'>(),
  order_id: col.uuid.nullable(),
  reward_id: col.uuid.nullable(),
  correction_id: col.uuid.nullable(),
  tip_id: col.uuid.nullable(),
  description: col.text.nullable(),
  amount_cents: col.bigint(),
  at: col.timestamptz(),
});

/** A payable statement's payout through Golden Hat: one attempt at a time, retried with backoff. */
export const payoutsTable = defineTable('payouts', {
  id: col.uuid({ primaryKey: true }),
  statement_id: col.uuid(),
  worker_id: col.uuid(),
  amount_cents: col.bigint(),
  status: col.text<'pending' | 'processing' | 'paid'>(),
  attempt: col.integer(),
  provider_payout_id: col.text.nullable(),
  failures: col.integer(),
  last_error: col.text.nullable(),
  /** What the worker is told of the last failed try (the raw error, `last_error`, is for managers). */
  failure_reason: col.text.nullable(),
  next_attempt_at: col.timestamptz.nullable(),
  next_poll_at: col.timestamptz.nullable(),
  paid_at: col.timestamptz.nullable(),
  created_at: col.timestamptz(),
});

/** Golden Hat callbacks already handled: a replayed event is acknowledged and ignored. */
export const goldenHatEventsTable = defineTable('golden_hat_events', {
  id: col.text({ primaryKey: true }),
  type: col.text(),
  received_at: col.timestamptz(),
});

/** `review_corrections` as the code sees it (history: migrations/0041): what quality reviews corrected in billing. */
export const reviewCorrectionsTable = defineTable('review_corrections', {
  id: col.uuid({ primaryKey: true }),
  kind: col.text<'fine_reversal' | 'refund'>(),
  review_id: col.uuid(),
  order_id: col.uuid(),
  worker_id: col.uuid.nullable(),
  client_id: col.uuid.nullable(),
  amount_cents: col.bigint(),
  description: col.text(),
  created_at: col.timestamptz(),
});

export const BILLING_TABLES = [
  ledgerAccountsTable,
  ledgerTransactionsTable,
  ledgerEntriesTable,
  topUpsTable,
  billableOrdersTable,
  billableTipsTable,
  billingPeriodsTable,
  invoicesTable,
  invoiceLinesView,
  invoiceTipLinesView,
  clientBalancesView,
  workerEarningsView,
  workerOutcomesTable,
  rewardsTable,
  statementsTable,
  statementLinesTable,
  payoutsTable,
  goldenHatEventsTable,
  reviewCorrectionsTable,
];
