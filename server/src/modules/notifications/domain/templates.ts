import { defineTemplate } from '../../../platform/email-template.ts';

export const operatorAlert = defineTemplate<{ summary: string; requestId?: string; detail: string; at: Date }>(
  'operator-alert',
  ({ summary, requestId, detail, at }, w) => ({
    subject: `[Chorecat alert] ${summary}`,
    paragraphs: [
      `An unexpected server error happened on ${w.moment(at)} (${at.toISOString()}).`,
      requestId ? `Request id: ${requestId}` : 'No request id (background work).',
      detail,
      'Similar errors within ten minutes are folded into this alert.',
    ],
  }),
  { audience: 'staff' },
);
