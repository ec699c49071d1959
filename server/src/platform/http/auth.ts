import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import type { Request, Response, NextFunction, RequestHandler } from 'express';
import { AppError } from '../errors.ts';
import type { Clock } from '../clock.ts';

/**
 * Roles by name. The kernel's own are the staff who run the platform and its
 * panel; each module adds the roles it introduces by declaration merging from
 * its folder (`declare module '…/platform/http/auth.ts' { interface RoleMap
 * { client: true } }`) and lists them in its registry definition. The
 * running list is `kernel.roles`.
 */
export interface RoleMap {
  manager: true;
  admin: true;
}
export type Role = keyof RoleMap & string;
export const KERNEL_ROLES: readonly Role[] = ['manager', 'admin'];

export interface Principal {
  id: string;
  roles: Role[];
}

/*
 * The two back-office rules every module asks (SPEC §2): "a manager" (an admin
 * holds every manager's right) decides, edits and reads everyone's money;
 * "staff" adds supplies staff, who read every order and kit to pack it.
 */
const MANAGER_ROLES: readonly Role[] = ['manager', 'admin'];
const STAFF_ROLES: readonly Role[] = [...MANAGER_ROLES, 'supplies'];

/** A manager or an admin: may read every client's invoices, every worker's statements, every application. */
export const isManager = (principal?: Principal): boolean => Boolean(principal?.roles.some((r) => MANAGER_ROLES.includes(r)));

/** Any back-office role (manager, admin, supplies staff): may read every order, kit and worker profile. */
export const isStaff = (principal?: Principal): boolean => Boolean(principal?.roles.some((r) => STAFF_ROLES.includes(r)));

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      principal?: Principal;
      requestId?: string;
      /** The JSON body's exact bytes, for signature checks on integration callbacks. */
      rawBody?: Buffer;
    }
  }
}

/** A caller as resolved from the users table, with the access-token generation its tokens must carry. */
export interface ResolvedCaller extends Principal {
  tokenGeneration: number;
}

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'chorecat';
const EXPIRED = 'The access token has expired; refresh it.';
/** How many verified tokens `TokenService` keeps (see `verified`). */
const VERIFIED_TOKENS_KEPT = 10_000;
const AUDIENCE = 'chorecat-api';

/**
 * Access tokens are short-lived HS256 JWTs. Verification pins the algorithm,
 * issuer and audience, so `alg: none`, another key or another token type is
 * refused. Expiry is measured in real time (the clock passed in), not in
 * the sandbox clock's business time. Each token carries its user's token
 * generation (`gen`): a reset, an erasure or disabling bumps it, which ends
 * every token issued before without a list of revoked tokens.
 */
export class TokenService {
  private readonly key: Uint8Array;
  /**
   * Tokens already verified, by their exact text, with what they say: a
   * client sends the same token on every request for 15 minutes, and
   * verifying it again was 11 % of an order read (issue #17). Only a token
   * that verified is kept; its expiry is still checked on every use, and the
   * caller's generation is still checked against the users table by
   * `authenticate`, so a reset or a disabling ends it as before.
   */
  private readonly verified = new Map<string, { id: string; generation: number; exp: number }>();

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** Real time (tokens never follow the sandbox clock). */
  now(): Date {
    return this.clock.now();
  }

  async issueAccessToken(principal: Principal & { tokenGeneration?: number }): Promise<{ token: string; expiresIn: number }> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = await new SignJWT({ roles: principal.roles, typ: 'access', gen: principal.tokenGeneration ?? 0 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(principal.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.key);
    return { token, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }

  /** The token's subject and generation, if the token is genuine, current and an access token. */
  async verifyAccessToken(token: string): Promise<{ id: string; generation: number }> {
    const known = this.verified.get(token);
    if (known) {
      // As jose decides it: expired once its `exp` second has begun.
      if (known.exp > Math.floor(this.clock.now().getTime() / 1000)) return { id: known.id, generation: known.generation };
      this.verified.delete(token);
      throw new AppError('AUTH.UNAUTHENTICATED', EXPIRED);
    }
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        // Every token we sign has both; one without an expiry would never end.
        requiredClaims: ['exp', 'sub'],
        currentDate: this.clock.now(),
      });
      if (payload.typ !== 'access' || !payload.sub) throw new Error('not an access token');
      const generation = payload.gen ?? 0;
      if (!Number.isSafeInteger(generation)) throw new Error('malformed generation');
      // Always so (jwtVerify requires `exp` and checks it is a number); the check tells the type checker.
      if (typeof payload.exp === 'number') {
        // Oldest first out: a bound on memory, whatever the number of callers (a token costs ~0.4 kB).
        if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
        this.verified.set(token, { id: payload.sub, generation: generation as number, exp: payload.exp });
      }
      return { id: payload.sub, generation: generation as number };
    } catch (error) {
      const expired = error instanceof joseErrors.JWTExpired;
      throw new AppError('AUTH.UNAUTHENTICATED', expired ? EXPIRED : 'The access token is invalid.');
    }
  }
}

/**
 * Reads a bearer token when one is sent; routes decide later whether one is
 * required. The token proves who is calling; `resolve` looks the caller up
 * (roles, disabled, erased, token generation) so a revoked user, or a token
 * from before a reset, is refused at once, with no query of its own.
 */
export function authenticate(tokens: TokenService, resolve: (userId: string) => Promise<ResolvedCaller | null>): RequestHandler {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return next(new AppError('AUTH.UNAUTHENTICATED', 'Send the access token as "Authorization: Bearer <token>".'));
    try {
      const claims = await tokens.verifyAccessToken(match[1]!);
      const caller = await resolve(claims.id);
      if (!caller) throw new AppError('AUTH.UNAUTHENTICATED', 'This account is closed or disabled.');
      if (caller.tokenGeneration !== claims.generation) {
        throw new AppError('AUTH.UNAUTHENTICATED', 'This access token was ended (password reset or account change); sign in again.');
      }
      req.principal = { id: caller.id, roles: caller.roles };
      next();
    } catch (error) {
      next(error);
    }
  };
}
