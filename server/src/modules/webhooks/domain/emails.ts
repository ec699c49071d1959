import { defineTemplate } from '../../../platform/email-template.ts';

/** To the manager who registered an endpoint, when persistent failure disabled it. */
export const endpointDisabledEmail = defineTemplate<{ name: string; url: string; reason: string }>(
  'webhooks-endpoint-disabled',
  (d) => ({
    subject: `Webhook endpoint disabled: ${d.url}`,
    paragraphs: [
      `Hello ${d.name},`,
      `The webhook endpoint ${d.url} was disabled: ${d.reason}`,
      'Nothing more is sent to it. Fix the receiver, then enable it again in the panel (Platform → Webhooks); deliveries still pending are then retried.',
    ],
  }),
  { audience: 'staff' },
);
