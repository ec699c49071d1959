import { SMTPServer } from 'smtp-server';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  /** Received but not answered (holdNext): the sender never learnt it was taken. */
  held?: boolean;
  /** When its data had all arrived (Date.now()): a test orders receipts against other events, such as a kill. */
  at: number;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** The next `n` messages are answered 451 after their data. */
  refuseNext: (n: number) => void;
  /**
   * The next `n` messages are received (in `received`, flagged `held`) but not answered: the sender waits for
   * the 250 that would tell it the message was taken, as if the server were slow, until `releaseHeld()`.
   */
  holdNext: (n: number) => void;
  releaseHeld: () => void;
  /**
   * RCPT TO for `address` is answered `code` (450: try later, 550: no such
   * mailbox), `times` times (default: until cleared with `code` null).
   */
  refuseRecipient: (address: string, code: number | null, times?: number) => void;
  /** Stops listening and cuts every open connection: a client now gets ECONNREFUSED. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A real SMTP server in the test process, which a test can refuse with, stop and start again. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let holds = 0;
  const waiting: (() => void)[] = [];
  const recipients = new Map<string, { code: number; times: number }>();
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = recipients.get(address.address.toLowerCase());
      if (refusal && refusal.times > 0) {
        refusal.times--;
        const error = new Error(refusal.code >= 500 ? 'No such mailbox' : 'Mailbox temporarily unavailable') as Error & {
          responseCode: number;
        };
        error.responseCode = refusal.code;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--;
          const error = new Error('Mailbox busy, try later') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const held = holds > 0;
        if (held) holds--;
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? '',
          messageId: /^Message-ID: (.*)$/im.exec(raw)?.[1]?.trim() ?? '',
          ...(held ? { held } : {}),
          at: Date.now(),
        });
        if (held) waiting.push(() => callback());
        else callback();
      });
    },
  });
  // A client killed mid-session resets its connection; smtp-server reports that as a server 'error' (uncaught without a listener).
  server.on('error', () => undefined);
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    });
  await listen();
  port = (server.server.address() as AddressInfo).port;
  const stop = async () => {
    const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n) => {
      refusals = n;
    },
    holdNext: (n) => {
      holds = n;
    },
    releaseHeld: () => {
      for (const answer of waiting.splice(0)) answer();
    },
    refuseRecipient: (address, code, times = Number.POSITIVE_INFINITY) => {
      if (code === null) recipients.delete(address.toLowerCase());
      else recipients.set(address.toLowerCase(), { code, times });
    },
    stop,
    start: listen,
    close: () => {
      if (!server.server.listening) return Promise.resolve();
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
