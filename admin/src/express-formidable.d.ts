// express-formidable ships no types; this is the part the panel uses.
declare module 'express-formidable' {
  import type { RequestHandler } from 'express';
  export default function formidableMiddleware(options?: Record<string, unknown>): RequestHandler;
}
