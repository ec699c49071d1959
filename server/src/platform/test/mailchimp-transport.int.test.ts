import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MailchimpTransport } from '../mail.ts';

/**
 * Mailchimp Transactional through its real client library, against a local
 * server speaking the Mandrill HTTP protocol (POST /messages/send).
 */
describe('Mailchimp Transactional transport', () => {
  const requests: { url: string; body: { key: string; message: Record<string, unknown> } }[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: [] };
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => (raw += c.toString()));
      req.on('end', () => {
        requests.push({ url: req.url ?? '', body: JSON.parse(raw) });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/1.3`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const email = { to: 'cat@chorecat.test', subject: 'Hi', text: 'Hello', html: '<p>Hello</p>', template: 'test-hi' };

  it('sends the message with the key, sender, both parts and the stable Message-Id', async () => {
    answer = { status: 200, body: [{ email: 'cat@chorecat.test', status: 'sent', _id: 'abc' }] };
    const transport = await MailchimpTransport.create('mc-key-123', 'Chorecat <no-reply@chorecat.test>', baseUrl);
    await transport.send(email, '<id-1@chorecat.test>');
    const last = requests.at(-1)!;
    expect(last.url).toBe('/api/1.3/messages/send');
    expect(last.body.key).toBe('mc-key-123');
    expect(last.body.message).toMatchObject({
      from_email: 'no-reply@chorecat.test',
      from_name: 'Chorecat',
      subject: 'Hi',
      text: 'Hello',
      html: '<p>Hello</p>',
      to: [{ email: 'cat@chorecat.test', type: 'to' }],
      headers: { 'Message-Id': '<id-1@chorecat.test>' },
      tags: ['test-hi'],
    });
  });

  it('fails (so the outbox retries) when the recipient is rejected or the service errs', async () => {
    const transport = await MailchimpTransport.create('mc-key-123', 'no-reply@chorecat.test', baseUrl);
    answer = { status: 200, body: [{ email: 'cat@chorecat.test', status: 'rejected', reject_reason: 'hard-bounce' }] };
    await expect(transport.send(email, '<id-2@chorecat.test>')).rejects.toThrow(/rejected/);
    answer = { status: 500, body: { status: 'error', name: 'GeneralError', message: 'boom' } };
    await expect(transport.send(email, '<id-3@chorecat.test>')).rejects.toThrow(/Mailchimp refused the message/);
  });
});
