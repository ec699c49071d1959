import { defineModule, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { TEXT_VALUE } from '@chorecat/admin';
import { READ_ONLY_ADMIN_ACTIONS } from '../../admin/actions.ts';
import { EMAIL_TOPIC, messageIdFor, type EmailPayload } from '../../platform/mail.ts';
import { emailHandlers } from './http/handlers.ts';
import { defineEmailModel } from './infra/email.model.ts';
import { emailsView } from './infra/emails.table.ts';
import { alertOperators } from './application/alert-operators.ts';
import { emailsPersonalData } from './application/personal-data.ts';
import { operatorAlert } from './domain/templates.ts';

export { sendEmail } from './application/send-email.ts';
export { defineTemplate, type EmailTemplate } from '../../platform/email-template.ts';
export { alertOperators } from './application/alert-operators.ts';
export type { EmailView } from './application/list-emails.ts';
export { emailsAboutOrder } from './application/emails-about.ts';

export const notificationsModule = defineModule({
  name: 'notifications',
  create: (kernel) => createNotificationsModule(kernel),
  tables: [emailsView],
});

/**
 * Notifications: email templates, delivery of the outbox's email topic
 * through the configured transport, and the list of every email for managers.
 */
export function createNotificationsModule(kernel: Kernel): ChorecatModule {
  kernel.outbox.handle(EMAIL_TOPIC, async (message) => {
    await kernel.mailTransport.send(message.payload as EmailPayload, messageIdFor(message));
  });
  kernel.scheduler.onFailure(onJobFailed(kernel));
  const Email = defineEmailModel(kernel.db.sequelize);
  return {
    name: 'notifications',
    handlers: emailHandlers(kernel),
    personalData: [emailsPersonalData(kernel)],
    services: { alertOperators: (alert) => alertOperators(kernel, alert), onOutboxGaveUp: onOutboxGaveUp(kernel) },
    adminResources: [
      {
        resource: Email,
        options: {
          navigation: { name: 'Platform', icon: 'Settings' },
          // Every email sent is visible to managers (SPEC §11); its one-time codes are redacted by the view.
          listProperties: ['createdAt', 'to', 'subject', 'template', 'status', 'attempts'],
          showProperties: [
            'id',
            'to',
            'subject',
            'template',
            'status',
            'attempts',
            'lastError',
            'createdAt',
            'sentAt',
            'nextAttemptAt',
            'text',
          ],
          filterProperties: ['to', 'status', 'template', 'createdAt'],
          // An email's text as it was sent, line breaks and all.
          properties: { text: { components: { show: TEXT_VALUE, list: TEXT_VALUE }, custom: { multiline: true } } },
          sort: { sortBy: 'createdAt', direction: 'desc' },
          actions: READ_ONLY_ADMIN_ACTIONS,
        },
      },
    ],
  };
}

/**
 * When a message failed every retry: counted (`chorecat_outbox_gave_up_total`,
 * by subscriber for domain events) and told to operators, naming who gave
 * up on what (but never about a failed alert: no alert loops).
 */
export function onOutboxGaveUp(kernel: Kernel) {
  return async (message: { id: string; topic: string; payload: unknown }, reason: string) => {
    const delivery = message.payload as { subscriber?: unknown; event?: { name?: unknown } };
    const subscriber = typeof delivery.subscriber === 'string' ? delivery.subscriber : '';
    const event = typeof delivery.event?.name === 'string' ? delivery.event.name : '';
    kernel.metrics.outboxGaveUp.inc({ topic: message.topic, subscriber, event });
    if ((message.payload as Partial<EmailPayload>).template === operatorAlert.name) return;
    await alertOperators(kernel, {
      summary: subscriber
        ? `${subscriber} gave up on ${event} (outbox message ${message.id})`
        : `gave up delivering outbox message ${message.id} (${message.topic})`,
      detail: `${reason}\n\nThe message is kept with status "failed" (admin dashboard: deliveries given up).`,
      fingerprint: `outbox:${message.id}`,
    });
  };
}

/** A job run that broke is told to operators; one alert per job per ten minutes, however often a poller fails. */
function onJobFailed(kernel: Kernel) {
  return async (failure: { job: string; trigger: string; asOf: Date; error: string }) => {
    await alertOperators(kernel, {
      summary: `job ${failure.job} failed`,
      detail: `A run as of ${failure.asOf.toISOString()} (${failure.trigger}) failed: ${failure.error}\n\nIt is recorded in job_runs (admin dashboard: job failures); the job's own retries continue.`,
      fingerprint: `job:${failure.job}`,
    });
  };
}
