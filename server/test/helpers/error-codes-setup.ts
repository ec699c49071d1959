import { afterEach } from 'vitest';
import { errorCodeViolations } from '../../src/platform/http/error-codes.ts';

/**
 * Every test fails when a request it made was answered with an error code
 * the operation does not document (the test-mode check in
 * platform/http/error-codes.ts turns that answer into a 500 as well). Here
 * the failure names the operation and the code, which is where the fix is:
 * the operation's `x-error-codes`, or the server.
 */
afterEach(() => {
  const violations = errorCodeViolations().splice(0);
  if (violations.length === 0) return;
  const lines = violations.map((v) => `${v.operationId} (${v.method.toUpperCase()} ${v.path}) ${v.reason}`);
  throw new Error(`Undocumented error answers (issue #15):\n${[...new Set(lines)].map((line) => `  - ${line}`).join('\n')}`);
});
