/*
 * Email is the platform's only channel (SPEC §11), and every module writes its
 * templates in its pure domain/: the template helper is the kernel's so that
 * a domain/ imports no other module (eslint chorecat/module-boundaries).
 */
import { formatDay, formatMoment, formatPeriod } from './email-dates.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The email as its record shows it (secrets redacted), when it differs from what is delivered. */
  shown?: { subject: string; text: string; html: string };
}

/** What every email is rendered with: this deployment's address and the business time zone. */
export interface EmailContext {
  publicUrl: string;
  timeZone: string;
}

/** The words a template writes dates with: one formatter for every email (email-dates.ts). */
export interface EmailWords {
  /** "Wednesday 2 December 2026, 13:30 (UTC+01:00)", in the business time zone. */
  moment(at: Date | string): string;
  /** "Wednesday 2 December 2026". */
  day(at: Date | string): string;
  /** A `[start, end)` period as the days it covers. */
  period(start: Date | string, end: Date | string): string;
}

/**
 * An email template is a typed, pure function from its data to a subject,
 * a text part and an HTML part. Every template shares one layout.
 */
export interface EmailTemplate<Data> {
  name: string;
  render(data: Data, context: EmailContext): RenderedEmail;
}

/** What a reader of the email record sees in place of a secret (a code): the inbox gets the real one. */
export const REDACTED = '[redacted]';

/**
 * Who reads an email decides where its link back goes. Staff (managers,
 * supplies, operators) have the admin panel. Clients and workers use a
 * partner's app, whose pages the platform does not know, so theirs is the
 * one public page it serves: the API reference (/docs).
 */
export type EmailAudience = 'member' | 'staff';

// The logo: inline SVG (no image to fetch, nothing to attach), a cat's head in the brand purple.
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="28" viewBox="0 0 32 32" role="img" aria-label="Chorecat">' +
  '<path d="M5 4l6 6h10l6-6v14a11 11 0 0 1-22 0z" fill="#7a4fd6"/>' +
  '<circle cx="12" cy="17" r="2" fill="#fff"/><circle cx="20" cy="17" r="2" fill="#fff"/>' +
  '<path d="M14 22q2 2 4 0" stroke="#fff" stroke-width="1.5" fill="none" stroke-linecap="round"/></svg>';

/** The shared layout: logo and name on top, the paragraphs, a link back to the platform below. */
function layout(subject: string, paragraphs: string[], link: { url: string; label: string }): Omit<RenderedEmail, 'shown'> {
  return {
    subject,
    text: `=^.^= Chorecat\n\n${paragraphs.join('\n\n')}\n\n-- \nChorecat: chores done by cats, for cats.\n${link.label}: ${link.url}`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;color:#222">
<p style="margin:16px 0 0;font-size:18px;font-weight:600;color:#7a4fd6">${LOGO_SVG} <span style="vertical-align:6px">Chorecat</span></p>
<h2 style="color:#7a4fd6">${escapeHtml(subject)}</h2>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p style="color:#888;font-size:12px;border-top:1px solid #eee;padding-top:8px">Chorecat: chores done by cats, for cats. <a href="${escapeHtml(link.url)}" style="color:#7a4fd6">${escapeHtml(link.label)}</a></p>
</body></html>`,
  };
}

/**
 * `secrets` names the values in the data that only the recipient may
 * read (one-time codes). The rendered email carries them for delivery; its
 * `shown` copy, which every listing of sent emails reads (the emails API,
 * the panel, a GDPR export), has each one replaced, so an operator or a
 * stolen access token cannot lift a code from the record.
 */
export function defineTemplate<Data>(
  name: string,
  build: (data: Data, words: EmailWords) => { subject: string; paragraphs: string[] },
  options: { secrets?: (data: Data) => (string | undefined)[]; audience?: EmailAudience } = {},
): EmailTemplate<Data> {
  return {
    name,
    render(data, context) {
      const { timeZone } = context;
      const words: EmailWords = {
        moment: (at) => formatMoment(at, timeZone),
        day: (at) => formatDay(at, timeZone),
        period: (start, end) => formatPeriod(start, end, timeZone),
      };
      const base = context.publicUrl.replace(/\/$/, '');
      const link =
        options.audience === 'staff'
          ? { url: `${base}/admin`, label: 'Open the Chorecat panel' }
          : { url: `${base}/docs`, label: 'About Chorecat' };
      const { subject, paragraphs } = build(data, words);
      const email: RenderedEmail = layout(subject, paragraphs, link);
      const secrets = (options.secrets?.(data) ?? []).filter((s): s is string => typeof s === 'string' && s.length > 0);
      if (secrets.length === 0) return email;
      const hide = (text: string) => secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
      return { ...email, shown: layout(hide(subject), paragraphs.map(hide), link) };
    },
  };
}

/** Escapes text for the HTML part of a template. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
