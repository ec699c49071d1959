import { READ_ONLY_ADMIN_ACTIONS, type ChorecatModule, type Kernel } from '../../platform/module.ts';
import { EMAIL_TOPIC, messageIdFor, type EmailPayload } from '../../platform/mail.ts';
import { emailHandlers } from './http/handlers.ts';
import { defineEmailModel } from './infra/email.model.ts';
import { alertOperators } from './application/alert-operators.ts';
import { emailsPersonalData } from './application/personal-data.ts';
import { operatorAlert } from './domain/templates.ts';

export { sendEmail } from './application/send-email.ts';
export { defineTemplate, type EmailTemplate } from './domain/template.ts';
export { alertOperators } from './application/alert-operators.ts';
export type { EmailView } from './application/list-emails.ts';

/**
 * Notifications: email templates, delivery of the outbox's email topic
 * through the configured transport, and the list of every email for managers.
 */
export function createNotificationsModule(kernel: Kernel): ChorecatModule {
  kernel.outbox.handle(EMAIL_TOPIC, async (message) => {
    await kernel.mailTransport.send(message.payload as EmailPayload, messageIdFor(message));
  });
  kernel.privacy.register(emailsPersonalData(kernel));
  const Email = defineEmailModel(kernel.db.sequelize);
  return {
    name: 'notifications',
    handlers: emailHandlers(kernel),
    adminResources: [
      {
        resource: Email,
        options: {
          navigation: { name: 'Notifications', icon: 'Mail' },
          // Envelope and delivery only: an email's subject and body can hold a one-time code (the model never loads them).
          listProperties: ['createdAt', 'to', 'template', 'status', 'attempts'],
          showProperties: ['id', 'to', 'template', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt', 'nextAttemptAt'],
          filterProperties: ['to', 'status', 'template', 'createdAt'],
          sort: { sortBy: 'createdAt', direction: 'desc' },
          actions: READ_ONLY_ADMIN_ACTIONS,
        },
      },
    ],
  };
}

/** Tells operators when a message failed every retry (but never about a failed alert: no alert loops). */
export function onOutboxGaveUp(kernel: Kernel) {
  return async (message: { id: string; topic: string; payload: unknown }, reason: string) => {
    if ((message.payload as Partial<EmailPayload>).template === operatorAlert.name) return;
    await alertOperators(kernel, {
      summary: `gave up delivering outbox message ${message.id} (${message.topic})`,
      detail: reason,
      fingerprint: `outbox:${message.id}`,
    });
  };
}
