import { defineTemplate } from '../../../platform/email-template.ts';

/** What every email to supplies staff about a kit says. */
export interface KitFacts {
  name: string;
  /** The order's service: a kit is known by the order it is for. */
  service: string;
  startsAt: Date;
  items: string;
}

/** To each supplies staffer when an order's kit is opened (SPEC §6.1). */
export const kitOpened = defineTemplate<KitFacts>(
  'kit-opened',
  (d, w) => ({
    subject: `New kit to assemble: ${d.service}, ${w.moment(d.startsAt)}`,
    paragraphs: [
      `Hello ${d.name},`,
      `A kit was opened for an order of ${d.service} starting ${w.moment(d.startsAt)}.`,
      `Items: ${d.items || 'none besides the cookie'}.`,
      'The cookie is being ordered from the supplier; mark the kit ready once it has arrived and every item is packed.',
    ],
  }),
  { audience: 'staff' },
);

/** To each supplies staffer when the supplier delivers the cookie. */
export const cookieArrived = defineTemplate<KitFacts>(
  'kit-cookie-arrived',
  (d, w) => ({
    subject: `Cookie arrived for the kit of ${d.service}, ${w.moment(d.startsAt)}`,
    paragraphs: [
      `Hello ${d.name},`,
      `The supplier delivered the cookie for the kit of ${d.service} starting ${w.moment(d.startsAt)}.`,
      'Put it in the kit; once every item is packed, mark the kit ready so a worker can be matched.',
    ],
  }),
  { audience: 'staff' },
);

/** To each supplies staffer when the order of a kit they were told about will not happen. */
export const kitCancelled = defineTemplate<KitFacts & { why: string; was: string; cookie: string }>(
  'kit-cancelled',
  (d, w) => ({
    subject: `Kit cancelled: ${d.service} of ${w.moment(d.startsAt)} will not happen`,
    paragraphs: [
      `Hello ${d.name},`,
      `The kit of ${d.service} starting ${w.moment(d.startsAt)} is cancelled: ${d.why}.`,
      d.was === 'ready'
        ? `It was ready for pick-up; please take it off the shelf and put its items back (${d.items || 'only the cookie'}).`
        : `It was ${d.was}; stop assembling it and put back what was packed (${d.items || 'only the cookie'}).`,
      d.cookie,
    ],
  }),
  { audience: 'staff' },
);
