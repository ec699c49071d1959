import { escapeHtml, type RenderedEmail } from '../../../platform/mail.ts';

/**
 * An email template is a typed, pure function from its data to a subject,
 * a text part and an HTML part. Every template shares one layout.
 */
export interface EmailTemplate<Data> {
  name: string;
  render(data: Data): RenderedEmail;
}

export function defineTemplate<Data>(name: string, build: (data: Data) => { subject: string; paragraphs: string[] }): EmailTemplate<Data> {
  return {
    name,
    render(data) {
      const { subject, paragraphs } = build(data);
      const text = `${paragraphs.join('\n\n')}\n\n-- \nChorecat`;
      const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:560px;margin:auto;color:#222">
<h2 style="color:#7a4fd6">${escapeHtml(subject)}</h2>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p style="color:#888;font-size:12px">Chorecat: chores done by cats, for cats.</p>
</body></html>`;
      return { subject, text, html };
    },
  };
}
