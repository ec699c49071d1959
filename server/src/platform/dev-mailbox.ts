import type { Logger } from './logger.ts';
import { assertPortFree } from './embedded-db.ts';
import { withoutProcessTakeover } from './process-hooks.ts';

/**
 * In development, emails go to a local MailDev: an SMTP server that keeps
 * every message and a web page to read them. Never used in tests (they run
 * their own SMTP server) nor in production.
 */
export interface DevMailbox {
  smtpUrl: string;
  webUrl: string;
  stop(): Promise<void>;
}

export async function startDevMailbox(options: { smtpPort: number; webPort: number; logger: Logger }): Promise<DevMailbox> {
  await assertPortFree(options.smtpPort);
  await assertPortFree(options.webPort);
  const { default: MailDev } = (await import('maildev')) as unknown as {
    default: new (options: Record<string, unknown>) => { listen(cb: (error?: Error) => void): void; close(cb: () => void): void };
  };
  // MailDev's own SIGTERM/SIGINT handler exits at once; our shutdown stops it instead.
  const maildev = await withoutProcessTakeover(async () => {
    const instance = new MailDev({ smtp: options.smtpPort, web: options.webPort, ip: '127.0.0.1', silent: true, disableWeb: false });
    await new Promise<void>((resolve, reject) => instance.listen((error) => (error ? reject(error) : resolve())));
    return instance;
  });
  options.logger.debug({ smtpPort: options.smtpPort, webPort: options.webPort }, 'dev mailbox listening');
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    webUrl: `http://localhost:${options.webPort}`,
    stop: () => new Promise<void>((resolve) => maildev.close(() => resolve())),
  };
}
