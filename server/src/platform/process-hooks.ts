/**
 * Some libraries take over the process when loaded or started: embedded-
 * postgres (async-exit-hook) exits with 0 on `beforeExit` and handles
 * signals; MailDev exits on SIGTERM/SIGINT. Either would cut our graceful
 * shutdown short or hide a failing exit code. This runs `work` and then
 * removes whatever listeners it added for these events; the caller then
 * owns stopping what it started.
 */
const EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

export async function withoutProcessTakeover<T>(work: () => Promise<T>): Promise<T> {
  const before = new Map(EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  try {
    return await work();
  } finally {
    for (const event of EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.off(event, listener);
      }
    }
  }
}
