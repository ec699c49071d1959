/*
 * Email is the platform's only channel (SPEC §11), and every module writes its
 * templates in its pure domain/: the template helper is the kernel's so that
 * a domain/ imports no other module (eslint chorecat/module-boundaries).
 */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The email as its record shows it (secrets redacted), when it differs from what is delivered. */
  shown?: { subject: string; text: string; html: string };
}

/**
 * An email template is a typed, pure function from its data to a subject,
 * a text part and an HTML part. Every template shares one layout.
 */
export interface EmailTemplate<Data> {
  name: string;
  render(data: Data): RenderedEmail;
}

/** What a reader of the email record sees in place of a secret (a code): the inbox gets the real one. */
export const REDACTED = '[redacted]';

/**
 * `secrets` names the values in the data that only the recipient may
 * read (one-time codes). The rendered email carries them for delivery; its
 * `shown` copy, which every listing of sent emails reads (the emails API,
 * the panel, a GDPR export), has each one replaced, so an operator or a
 * stolen access token cannot lift a code from the record.
 */
export function defineTemplate<Data>(
  name: string,
  build: (data: Data) => { subject: string; paragraphs: string[] },
  options: { secrets?: (data: Data) => (string | undefined)[] } = {},
): EmailTemplate<Data> {
  const layout = (subject: string, paragraphs: string[]) => ({
    subject,
    text: `${paragraphs.join('\n\n')}\n\n-- \nChorecat`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;color:#222">
<h2 style="color:#7a4fd6">${escapeHtml(subject)}</h2>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p style="color:#888;font-size:12px">Chorecat: chores done by cats, for cats.</p>
</body></html>`,
  });
  return {
    name,
    render(data) {
      const { subject, paragraphs } = build(data);
      const email: RenderedEmail = layout(subject, paragraphs);
      const secrets = (options.secrets?.(data) ?? []).filter((s): s is string => typeof s === 'string' && s.length > 0);
      if (secrets.length === 0) return email;
      const hide = (text: string) => secrets.reduce((out, secret) => out.replaceAll(secret, REDACTED), text);
      return { ...email, shown: layout(hide(subject), paragraphs.map(hide)) };
    },
  };
}

/** Escapes text for the HTML part of a template. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
