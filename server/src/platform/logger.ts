import { pino, stdSerializers, type Logger as PinoLogger, type DestinationStream } from 'pino';

export type Logger = PinoLogger;

/**
 * Paths that may carry secrets anywhere in a log line. The request log
 * (`http/request-log.ts`) writes no headers, but a line that carries them
 * puts them under req.headers; bodies are never logged by default, but modules
 * that log an input object get the same protection.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.apiKey',
  '*.code',
  'password',
  'token',
  'accessToken',
  'refreshToken',
];

/**
 * A failed query's error carries its bind values (Sequelize's `parameters`, on the error and on its
 * `parent`/`original`) and PostgreSQL's `detail` ("Failing row contains (…)", "Key (…)=(…)"): the very
 * values written (password hashes, sealed webhook secrets, token hashes). The SQL, message, code and
 * constraint are enough to find the bug; the values are dropped at any depth of the error.
 */
const QUERY_VALUE_KEYS = new Set(['parameters', 'detail']);

function withoutQueryValues(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutQueryValues(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !QUERY_VALUE_KEYS.has(key))
      .map(([key, v]) => [key, withoutQueryValues(v, depth + 1)]),
  );
}

export const errorSerializer = (error: unknown) => withoutQueryValues(stdSerializers.err(error as Error));

export function createLogger(options: { level: string; destination?: DestinationStream; pretty?: boolean }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'chorecat' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // `err` is the convention (the request log, the problem handler, the scheduler); `error` is what else gets written.
      serializers: { err: errorSerializer, error: errorSerializer },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
