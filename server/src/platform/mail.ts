import nodemailer, { type Transporter } from 'nodemailer';
import type { Database, Tx } from './database.ts';
import type { Clock } from './clock.ts';
import { enqueue, PermanentDeliveryError, type OutboxMessage } from './outbox.ts';
import type { RenderedEmail } from './email-template.ts';

/**
 * Email is the platform's only notification channel (SPEC §11). Use cases
 * enqueue a rendered email in their own transaction (`enqueueEmail`); the
 * outbox dispatcher hands it to the configured transport after commit.
 */
export const EMAIL_TOPIC = 'email';

export interface EmailPayload extends RenderedEmail {
  to: string;
  template: string;
}

export interface MailTransport {
  readonly name: string;
  send(email: EmailPayload, messageId: string): Promise<void>;
  /** Closes what the transport keeps open (pooled connections). */
  close?(): void;
}

export function enqueueEmail(
  db: Database,
  tx: Tx | undefined,
  clock: Clock,
  email: EmailPayload & { dedupeKey: string },
): Promise<{ id: string; created: boolean }> {
  const { dedupeKey, ...payload } = email;
  return enqueue(db, tx, clock, { topic: EMAIL_TOPIC, dedupeKey: `email:${dedupeKey}`, payload });
}

/** A stable Message-ID per outbox row, so a receiver can drop a resend after a crash. */
export function messageIdFor(message: Pick<OutboxMessage, 'id'>, domain = 'chorecat.test'): string {
  return `<${message.id}@${domain}>`;
}

export class SmtpTransport implements MailTransport {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Pooled: a few connections kept open and reused, not a TCP and SMTP handshake per email.
    this.transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 4 });
  }

  async send(email: EmailPayload, messageId: string): Promise<void> {
    try {
      await this.transporter.sendMail({
        from: this.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId,
        headers: { 'X-Chorecat-Template': email.template },
      });
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * RFC 5321: a 5xx reply to RCPT TO is permanent (the mailbox does not exist
 * or will never take mail from us), so retrying it for an hour only delays
 * the operators' alert; a 4xx (and anything else: a refused connection, a
 * timeout, a 4xx or 5xx to the whole message) is retried with backoff. Each
 * email has one recipient, so a refusal concerns that email only.
 */
function classifySmtpError(error: unknown): unknown {
  const e = error as { code?: string; command?: string; responseCode?: number; message?: string };
  const permanent = e?.code === 'EENVELOPE' && e.command === 'RCPT TO' && typeof e.responseCode === 'number' && e.responseCode >= 500;
  return permanent ? new PermanentDeliveryError(`SMTP refused the recipient for good: ${e.message ?? ''}`) : error;
}

interface MailchimpClient {
  basePath: string;
  messages: {
    send(body: { message: Record<string, unknown> }): Promise<unknown>;
  };
}

/** Mailchimp Transactional (Mandrill) for production (`MAILCHIMP_API_KEY`). */
export class MailchimpTransport implements MailTransport {
  readonly name = 'mailchimp';

  constructor(
    private readonly client: MailchimpClient,
    private readonly from: string,
  ) {}

  /** `baseUrl` points the client at another Mandrill-protocol endpoint (the tests' local one). */
  static async create(apiKey: string, from: string, baseUrl?: string): Promise<MailchimpTransport> {
    const factory = (await import('@mailchimp/mailchimp_transactional')).default as unknown as (key: string) => MailchimpClient;
    const client = factory(apiKey);
    if (baseUrl) client.basePath = baseUrl.replace(/\/$/, '');
    return new MailchimpTransport(client, from);
  }

  async send(email: EmailPayload, messageId: string): Promise<void> {
    const { address, name } = parseFrom(this.from);
    const result = await this.client.messages.send({
      message: {
        from_email: address,
        from_name: name,
        subject: email.subject,
        text: email.text,
        html: email.html,
        to: [{ email: email.to, type: 'to' }],
        headers: { 'Message-Id': messageId },
        tags: [email.template],
      },
    });
    // The client resolves with an error object (not a rejection) on HTTP failures.
    if (!Array.isArray(result)) throw new Error(`Mailchimp refused the message: ${describe(result)}`);
    const rejected = result.find((r: { status?: string }) => r.status === 'rejected' || r.status === 'invalid');
    if (rejected) throw new Error(`Mailchimp ${(rejected as { status: string }).status} the message`);
  }
}

function parseFrom(from: string): { address: string; name?: string } {
  const match = /^\s*(.*?)\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || undefined, address: match[2]! } : { address: from.trim() };
}

function describe(value: unknown): string {
  if (value && typeof value === 'object' && 'message' in value) return String((value as { message: unknown }).message);
  return 'unexpected response';
}
