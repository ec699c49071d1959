import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

/**
 * Text that enters the platform is well-formed Unicode without NUL.
 * PostgreSQL cannot store U+0000 in `text` (the insert fails), and a lone
 * UTF-16 surrogate has no UTF-8 form: both would surface as a 500 from
 * whichever use case first wrote the string. Refused here, once, for every
 * operation: path parameters, query, JSON body (keys and values) and the
 * names of uploaded files.
 */
export function findMalformedText(value: unknown, at: string): string | undefined {
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const stack: [unknown, string][] = [[value, at]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (isMalformed(current)) return path;
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push([current[i], `${path}/${i}`]);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        if (isMalformed(key)) return path;
        stack.push([child, `${path}/${escapePointer(key)}`]);
      }
    }
  }
  return undefined;
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isMalformed(text: string): boolean {
  return text.includes('\u0000') || UNPAIRED_SURROGATE.test(text);
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function requireWellFormedText(): RequestHandler {
  return (req, res, next) => {
    const files = Array.isArray(req.files) ? (req.files as { fieldname: string; originalname: string }[]) : [];
    const path =
      findMalformedText((res.locals.match as { params?: unknown } | undefined)?.params, '/path') ??
      findMalformedText(req.query, '/query') ??
      findMalformedText(req.body, '/body') ??
      files.map((file) => findMalformedText(file.originalname, `/body/${file.fieldname}/filename`)).find(Boolean);
    if (!path) return next();
    next(
      new AppError(
        'VALIDATION.FAILED',
        `The request does not match the API contract: ${path} must be text without NUL or unpaired surrogates.`,
        {
          errors: [{ path, message: 'must be well-formed Unicode text without NUL characters' }],
        },
      ),
    );
  };
}
