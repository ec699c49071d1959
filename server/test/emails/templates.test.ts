import { describe, it, expect } from 'vitest';
import type { EmailTemplate } from '../../src/platform/email-template.ts';
import * as bids from '../../src/modules/bids/domain/emails.ts';
import * as billing from '../../src/modules/billing/domain/emails.ts';
import * as hiring from '../../src/modules/hiring/domain/emails.ts';
import * as identity from '../../src/modules/identity/domain/emails.ts';
import * as matching from '../../src/modules/matching/domain/emails.ts';
import * as notifications from '../../src/modules/notifications/domain/templates.ts';
import * as orders from '../../src/modules/orders/domain/emails.ts';
import * as quality from '../../src/modules/quality/domain/emails.ts';
import * as supplies from '../../src/modules/supplies/domain/emails.ts';
import * as webhooks from '../../src/modules/webhooks/domain/emails.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
// What Date#toUTCString writes: "Wed, 02 Dec 2026 12:30:01 GMT".
const RFC_1123 = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT\b/;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const startsAt = new Date('2026-12-02T12:30:01Z');
const order = { name: 'Tom', service: 'Window washing', startsAt, address: '1 Cat Street' };
const kit = { name: 'Sam', service: 'Window washing', startsAt, items: 'Sponge × 2' };
const invoice = {
  name: 'Tom',
  periodStart: new Date('2026-11-29T23:00:00Z'),
  periodEnd: new Date('2026-12-06T23:00:00Z'),
  orders: 2,
  subtotal: '200.00',
  discountRate: 0,
  discount: '0.00',
  total: '200.00',
};
const period = { periodStart: invoice.periodStart, periodEnd: invoice.periodEnd };

// Every template there is, each with data as its use case gives it.
const samples: [EmailTemplate<never>, unknown][] = [
  [
    bids.shareWonEmail,
    { name: 'Ann', order: { service: 'Window washing', startsAt }, outcome: 'completed', stake: 'completed', amount: '10.00' },
  ],
  [bids.sharePaidEmail, { name: 'Ann', order: { service: 'Window washing', startsAt }, amount: '10.00', paidBy: 'Bob' }],
  [billing.invoiceIssued, { ...invoice, paid: true, balance: '500.00' }],
  [billing.invoicePaid, invoice],
  [
    billing.statementIssued,
    { name: 'Wes', ...period, earned: '90.00', fines: '0.00', rewards: '0.00', debtCarried: '0.00', net: '90.00', status: 'payable' },
  ],
  [billing.payoutMade, { name: 'Wes', amount: '90.00', ...period }],
  [
    hiring.applicationReceived,
    { name: 'Al', vacancy: 'Window cat', applicationId: crypto.randomUUID(), setPasswordCode: { code: '123456', minutes: 30 } },
  ],
  [
    hiring.applicationForManagers,
    {
      name: 'Meg',
      applicant: 'Al',
      email: 'al@example.test',
      vacancy: 'Window cat',
      applicationId: crypto.randomUUID(),
      skills: 'climbing',
    },
  ],
  [hiring.testsAssigned, { name: 'Al', tests: '"Ladders" (pass mark 60 %)', vacancy: 'Window cat' }],
  [hiring.testResult, { name: 'Al', test: 'Ladders', score: 70, passMark: 60, passed: true, attemptsLeft: 1 }],
  [hiring.applicantHired, { name: 'Al', workerCode: 'W-0001' }],
  [hiring.applicantRejected, { name: 'Al', reason: 'No ladders' }],
  [identity.verificationCodeEmail, { name: 'Tom', code: '123456', minutes: 15 }],
  [identity.alreadyRegisteredEmail, { name: 'Tom' }],
  [identity.registrationContestedEmail, { code: '123456', minutes: 15 }],
  [identity.passwordResetCodeEmail, { name: 'Tom', code: '123456', minutes: 15 }],
  [identity.passwordChangedEmail, { name: 'Tom' }],
  [identity.accountErasedEmail, {}],
  [matching.orderOfferedWorker, { ...order, name: 'Wes', expiresAt: new Date('2026-12-02T09:01:00Z'), seconds: 60, price: '100.00' }],
  [notifications.operatorAlert, { summary: 'Boom', requestId: 'req-1', detail: 'Error: boom', at: startsAt }],
  [orders.orderReceived, order],
  [orders.orderScheduledClient, { ...order, price: '100.00' }],
  [orders.orderScheduledWorker, order],
  [orders.orderCancelled, { ...order, reason: 'Rain' }],
  [orders.orderFailedClient, { ...order, why: 'the worker did not check in' }],
  [orders.orderStarted, order],
  [orders.orderReported, order],
  [orders.orderCompleted, { ...order, automatically: true }],
  [orders.orderTippedWorker, { ...order, amount: '15.00' }],
  [orders.orderRejectedWorker, { ...order, reason: 'Streaks' }],
  [orders.orderMissedWorker, order],
  [quality.reviewOutcomeClient, { name: 'Tom', service: 'Window washing', startsAt, verdict: 'overturned', refund: '100.00' }],
  [quality.reviewOutcomeWorker, { name: 'Wes', service: 'Window washing', startsAt, verdict: 'overturned', fineReversed: true }],
  [supplies.kitOpened, kit],
  [supplies.cookieArrived, kit],
  [supplies.kitCancelled, { ...kit, why: 'the order was cancelled', was: 'ready', cookie: 'The cookie stays.' }],
  [webhooks.endpointDisabledEmail, { name: 'Meg', url: 'https://hooks.example.test/in', reason: 'failing for 3 days' }],
];
const STAFF = new Set([
  'application-new-for-managers',
  'operator-alert',
  'kit-opened',
  'kit-cookie-arrived',
  'kit-cancelled',
  'webhooks-endpoint-disabled',
]);
const context = { publicUrl: 'https://chorecat.example.test/', timeZone: 'Europe/Paris' };

describe('every email template', () => {
  it('covers every template the modules define', () => {
    const defined = [bids, billing, hiring, identity, matching, notifications, orders, quality, supplies, webhooks].flatMap((m) =>
      Object.values(m),
    );
    expect(new Set(samples.map(([template]) => template))).toEqual(new Set(defined));
  });

  it.each(samples.map(([template, data]) => [template.name, template, data] as const))(
    '%s: names things, writes dates in words in the business time zone, has the logo and a link back',
    (name, template, data) => {
      const email = template.render(data as never, context);
      for (const part of [email.subject, email.text, email.html]) {
        expect(part).not.toMatch(UUID);
        expect(part).not.toMatch(RFC_1123);
      }
      // Only the operators' alert keeps the exact instant beside the words (to match it against logs).
      if (name !== 'operator-alert') expect(email.text).not.toMatch(ISO);
      expect(email.html).toContain('<svg');
      expect(email.text).toMatch(/^=\^\.\^= Chorecat/);
      const link = STAFF.has(name) ? 'https://chorecat.example.test/admin' : 'https://chorecat.example.test/docs';
      expect(email.text).toContain(link);
      expect(email.html).toContain(`href="${link}"`);
      if ('startsAt' in (data as object) || 'order' in (data as object) || name === 'operator-alert') {
        expect(email.text).toContain('Wednesday 2 December 2026, 13:30 (UTC+01:00)');
      }
      if ('periodStart' in (data as object)) expect(email.text).toContain('Monday 30 November 2026 to Sunday 6 December 2026');
    },
  );

  it('keeps redacting secrets in the copy the records show, in the new layout too', () => {
    const email = identity.verificationCodeEmail.render({ name: 'Tom', code: '987654', minutes: 15 }, context);
    expect(email.text).toContain('987654');
    expect(email.shown!.text).not.toContain('987654');
    expect(email.shown!.text).toContain('[redacted]');
    expect(email.shown!.html).toContain('<svg');
  });
});
