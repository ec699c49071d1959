import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Level } from 'pino';
import type { Logger } from '../logger.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** This request's logger (its id, method, URL and address bound), made on first use. */
      log?: Logger;
    }
  }
}

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * Request ids and one log line per request, at the level the outcome calls
 * for: a 5xx or a failed response `error`, a refusal `info` (a rate-limit
 * refusal `debug`: counted in /metrics, so a flood is not a log flood), the
 * rest `debug`. It replaces pino-http, which binds a child logger to every
 * request up front (the request serialised, redacted and stringified: 11 %
 * of a request's CPU at `warn`, issue #17). Here the per-request logger is
 * made only when something logs through `req.log` (the problem handler), and
 * the line at the end only when its level is enabled. What a line carries is
 * what pino-http's did: `req` (id, method, URL, remote address; never
 * headers, which carry tokens and cookies), `res.statusCode`,
 * `responseTime` in ms, and `err` for a failure.
 */
export function requestLogging(logger: Logger, options: { ignore: (req: Request) => boolean }): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    req.requestId = id;
    let bound: Logger | undefined;
    const log = () => (bound ??= logger.child({ req: describe(req, id) }));
    Object.defineProperty(req, 'log', { configurable: true, enumerable: false, get: log });
    if (!options.ignore(req)) {
      const start = Date.now();
      const done = () => {
        res.off('finish', done);
        res.off('close', done);
        const level = levelOf(res);
        if (!logger.isLevelEnabled(level)) return;
        const fields = { res: { statusCode: res.statusCode }, responseTime: Date.now() - start };
        if (res.statusCode >= 500)
          log()[level]({ ...fields, err: new Error(`failed with status code ${res.statusCode}`) }, 'request errored');
        else log()[level](fields, 'request completed');
      };
      res.on('finish', done);
      res.on('close', done);
    }
    next();
  };
}

function levelOf(res: Response): Level {
  if (res.statusCode >= 500) return 'error';
  return res.statusCode >= 400 && res.statusCode !== 429 ? 'info' : 'debug';
}

function describe(req: Request, id: string) {
  return { id, method: req.method, url: req.originalUrl, remoteAddress: req.socket.remoteAddress };
}
