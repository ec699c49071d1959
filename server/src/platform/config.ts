import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from environment variables, validated once at
 * start. Everything is optional in development; production insists on the
 * secrets and refuses the sandbox clock.
 */
/** A flag variable: 0, 1, true or false. */
export const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

export const port = z.coerce.number().int().min(0).max(65535);

/** The kernel's own variables; each module's slice (`ConfigSlice`) adds its own beside them. */
const kernelShape = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: port.default(3000),
  ROLE: z.enum(['api', 'worker', 'all']).default('all'),
  DATABASE_URL: z.string().url().optional(),
  CHORECAT_DATA_DIR: z.string().min(1).default('./.chorecat'),
  CHORECAT_DB_PORT: port.default(5488),
  MONGODB_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAILCHIMP_API_KEY: z.string().min(1).optional(),
  MAILCHIMP_BASE_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Chorecat <no-reply@chorecat.test>'),
  OPERATOR_EMAILS: z.string().default('operators@chorecat.test'),
  MAILDEV: booleanFlag.optional(),
  MAILDEV_SMTP_PORT: port.default(1025),
  MAILDEV_WEB_PORT: port.default(1080),
  PUBLIC_URL: z.string().url().optional(),
  TZ_BUSINESS: z
    .string()
    .default('UTC')
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Paris'),
  CHORECAT_SANDBOX: booleanFlag.optional(),
  JWT_SECRET: z.string().min(32).optional(),
  SESSION_SECRET: z.string().min(32).optional(),
  CORS_ORIGINS: z.string().default(''),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'like 100kb or 1mb')
    .default('100kb'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  SEED_DEMO: booleanFlag.optional(),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  PANEL: z.enum(['on', 'lazy', 'off']).default('on'),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  S3_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  S3_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
};
type KernelEnv = z.infer<z.ZodObject<typeof kernelShape>>;

const KERNEL_REQUIRED_IN_PRODUCTION = ['JWT_SECRET', 'SESSION_SECRET', 'DATABASE_URL'] as const;
const KERNEL_SECRETS = { jwt: 'JWT_SECRET', session: 'SESSION_SECRET' } as const;
/** Read outside the schemas (one set per provider name): see `oidcProvidersFrom`. */
const OIDC_VARIABLES = ['OIDC_PROVIDERS', 'OIDC_<NAME>_ISSUER', 'OIDC_<NAME>_CLIENT_ID', 'OIDC_<NAME>_CLIENT_SECRET', 'OIDC_<NAME>_SCOPES'];

/** What a slice's `load` may read of the kernel's settings besides its own variables. */
export interface ConfigContext {
  env: KernelEnv['NODE_ENV'];
}

/**
 * A module's part of the configuration: its variables (a zod shape with their
 * defaults), those production requires, its secrets (by name in `Secrets`, the
 * variable that sets each; generated outside production when unset), and how
 * its parsed variables become its part of `Config`. Its `Config` and `Secrets`
 * fields are declared by merging from the module's folder, so the rest of the
 * code reads `kernel.config.supplier` as before.
 */
export interface ConfigSlice<Shape extends z.ZodRawShape = z.ZodRawShape, Part = object> {
  env: Shape;
  requiredInProduction?: readonly (keyof Shape & string)[];
  secrets?: Readonly<Record<string, keyof Shape & string>>;
  load(env: z.infer<z.ZodObject<Shape>>, context: ConfigContext): Part;
}

/** Keeps a slice's variable names and parsed types for its `load`. */
export function defineConfigSlice<Shape extends z.ZodRawShape, Part extends Partial<Config>>(
  slice: ConfigSlice<Shape, Part>,
): ConfigSlice<Shape, Part> {
  return slice;
}

/** What loadConfig needs of each module: its slice, if it has one. */
export interface Configurable {
  name: string;
  config?: ConfigSlice<z.ZodRawShape, object>;
}

/** Every variable the schemas read, the kernel's and the modules' (the README's table lists exactly these). */
export function configVariables(modules: readonly Configurable[]): string[] {
  return [...Object.keys(kernelShape), ...OIDC_VARIABLES, ...modules.flatMap((m) => Object.keys(m.config?.env ?? {}))];
}

function schemaFor(modules: readonly Configurable[]) {
  const shape: z.ZodRawShape = { ...kernelShape };
  const required: string[] = [...KERNEL_REQUIRED_IN_PRODUCTION];
  for (const module of modules) {
    for (const [name, type] of Object.entries(module.config?.env ?? {})) {
      if (name in shape) throw new Error(`configuration variable ${name} is declared twice (again by ${module.name})`);
      shape[name] = type;
    }
    required.push(...(module.config?.requiredInProduction ?? []));
  }
  return z.object(shape).superRefine((env: Record<string, unknown>, ctx) => {
    // The answer's timeout counts from the request's start, connecting included: a longer connect timeout never fires.
    if ((env.S3_CONNECT_TIMEOUT_MS as number) > (env.S3_REQUEST_TIMEOUT_MS as number)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['S3_CONNECT_TIMEOUT_MS'],
        message: 'must not exceed S3_REQUEST_TIMEOUT_MS',
      });
    }
    if (env.NODE_ENV !== 'production') return;
    if (env.CHORECAT_SANDBOX) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['CHORECAT_SANDBOX'],
        message: 'the sandbox clock is refused when NODE_ENV=production',
      });
    }
    // The demo accounts' password is in the README: seeding them would open the production panel to anyone.
    if (env.SEED_DEMO) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['SEED_DEMO'],
        message: 'the demo accounts (a published password) are refused when NODE_ENV=production',
      });
    }
    for (const key of required) {
      if (!env[key]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'is required in production' });
    }
  });
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface OidcProviderConfig {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  port: number;
  role: 'api' | 'worker' | 'all';
  databaseUrl?: string;
  dataDir: string;
  embeddedDbPort: number;
  mongodbUrl?: string;
  mail: {
    smtpUrl?: string;
    mailchimpApiKey?: string;
    mailchimpBaseUrl?: string;
    from: string;
    operators: string[];
    devMailbox: boolean;
    devSmtpPort: number;
    devWebPort: number;
  };
  publicUrl: string;
  businessTimeZone: string;
  sandbox: boolean;
  /** Every declared secret by name (the kernel's and the modules'), as given; unset ones are generated by resolveSecrets. */
  secrets: Partial<Secrets>;
  /** The variable that sets each declared secret, for the error that names the missing ones. */
  secretVariables: Readonly<Record<string, string>>;
  corsOrigins: string[];
  bodyLimit: string;
  logLevel: string;
  rateLimit: { perMinute: number; authPerMinute: number };
  seedDemo: boolean;
  /** How long a stop waits for requests, jobs and the outbox batch in flight (SIGTERM to exit). */
  shutdownGraceMs: number;
  /**
   * The managers' panel at /admin: built once the API listens (`on`), at its first request (`lazy`: AdminJS
   * and its React/bundler code, about 115 MB of RSS, load only in a process a manager opens), or not served
   * (`off`: /admin is a 404, for API processes behind a balancer that sends /admin elsewhere).
   */
  panel: 'on' | 'lazy' | 'off';
  /** Where uploaded files live: S3 when a bucket is set, else the data folder. */
  storage:
    | { kind: 'disk'; directory: string }
    | {
        kind: 's3';
        bucket: string;
        endpoint?: string;
        region: string;
        accessKeyId?: string;
        secretAccessKey?: string;
        forcePathStyle: boolean;
        /** Each attempt's time to connect, and to the answer's headers (connecting included) and between its bytes. */
        connectTimeoutMs: number;
        requestTimeoutMs: number;
      };
  /** Single sign-on providers, from OIDC_PROVIDERS and OIDC_<NAME>_* variables. */
  oidcProviders: OidcProviderConfig[];
  /** Validate every response against the spec (tests turn this on). */
  validateResponses: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment against the kernel's schema and each module's slice;
 * throws ConfigError naming every bad variable, one line each. Each module's
 * part is merged into the one `Config` object.
 */
export function loadConfig(source: NodeJS.ProcessEnv, modules: readonly Configurable[]): Config {
  const parsed = schemaFor(modules).safeParse(pickDefined(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const all = parsed.data as Record<string, unknown>;
  const env = all as KernelEnv;
  const production = env.NODE_ENV === 'production';
  const secretVariables: Record<string, string> = { ...KERNEL_SECRETS };
  const config: Config = {
    env: env.NODE_ENV,
    port: env.PORT,
    role: env.ROLE,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.CHORECAT_DATA_DIR),
    embeddedDbPort: env.CHORECAT_DB_PORT,
    mongodbUrl: env.MONGODB_URL,
    mail: {
      smtpUrl: env.SMTP_URL,
      mailchimpApiKey: env.MAILCHIMP_API_KEY,
      mailchimpBaseUrl: env.MAILCHIMP_BASE_URL,
      from: env.MAIL_FROM,
      operators: env.OPERATOR_EMAILS.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      devMailbox: env.MAILDEV ?? (env.NODE_ENV === 'development' && !env.SMTP_URL && !env.MAILCHIMP_API_KEY),
      devSmtpPort: env.MAILDEV_SMTP_PORT,
      devWebPort: env.MAILDEV_WEB_PORT,
    },
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    businessTimeZone: env.TZ_BUSINESS,
    sandbox: production ? false : (env.CHORECAT_SANDBOX ?? true),
    secrets: { jwt: env.JWT_SECRET, session: env.SESSION_SECRET },
    secretVariables,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit: env.BODY_LIMIT,
    logLevel: env.LOG_LEVEL,
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, authPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE },
    seedDemo: production ? false : (env.SEED_DEMO ?? true),
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    panel: env.PANEL,
    oidcProviders: oidcProvidersFrom(source),
    storage: env.S3_BUCKET
      ? {
          kind: 's3',
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
          connectTimeoutMs: env.S3_CONNECT_TIMEOUT_MS,
          requestTimeoutMs: env.S3_REQUEST_TIMEOUT_MS,
        }
      : { kind: 'disk', directory: path.join(path.resolve(env.CHORECAT_DATA_DIR), 'files') },
    validateResponses: env.NODE_ENV === 'test',
  } as Config;
  for (const module of modules) {
    const slice = module.config;
    if (!slice) continue;
    const own = Object.fromEntries(Object.keys(slice.env).map((name) => [name, all[name]]));
    const part = slice.load(own as never, { env: env.NODE_ENV }) as Record<string, unknown>;
    for (const key of Object.keys(part)) {
      if (key in config) throw new Error(`configuration key ${key} is set twice (again by ${module.name})`);
    }
    Object.assign(config, part);
    for (const [name, variable] of Object.entries(slice.secrets ?? {})) {
      if (name in secretVariables) throw new Error(`secret ${name} is declared twice (again by ${module.name})`);
      secretVariables[name] = variable;
      (config.secrets as Record<string, unknown>)[name] = all[variable];
    }
  }
  return config;
}

/**
 * `OIDC_PROVIDERS=google,keycloak` and, for each, `OIDC_GOOGLE_ISSUER`,
 * `OIDC_GOOGLE_CLIENT_ID`, optional `OIDC_GOOGLE_CLIENT_SECRET` and
 * `OIDC_GOOGLE_SCOPES` (default `openid email profile`).
 */
function oidcProvidersFrom(source: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const names = (source.OIDC_PROVIDERS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const problems: string[] = [];
  const providers = names.map((name) => {
    if (!/^[a-z0-9-]{1,32}$/.test(name)) problems.push(`OIDC_PROVIDERS: "${name}" must be lower-case letters, digits and dashes`);
    const prefix = `OIDC_${name.toUpperCase().replaceAll('-', '_')}_`;
    const issuer = source[`${prefix}ISSUER`];
    const clientId = source[`${prefix}CLIENT_ID`];
    if (!issuer || !URL.canParse(issuer)) problems.push(`${prefix}ISSUER must be the provider's issuer URL`);
    if (!clientId) problems.push(`${prefix}CLIENT_ID is required`);
    return {
      name,
      issuer: issuer ?? '',
      clientId: clientId ?? '',
      clientSecret: source[`${prefix}CLIENT_SECRET`] || undefined,
      scopes: source[`${prefix}SCOPES`] || 'openid email profile',
    };
  });
  if (problems.length) throw new ConfigError(problems);
  return providers;
}

/** Empty variables count as unset, as in most twelve-factor tools. */
function pickDefined(source: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== '') out[key] = value;
  return out;
}

/** The kernel's secrets; modules add theirs by declaration merging, beside their config slice's `secrets`. */
export interface Secrets {
  jwt: string;
  session: string;
}

/**
 * Outside production a missing secret is generated once and kept in the data
 * folder, so tokens, sessions and the supplier stand-in's keys survive a
 * restart without any set-up.
 */
export function resolveSecrets(config: Config): Secrets {
  const given = config.secrets as Record<string, string | undefined>;
  const names = Object.keys(config.secretVariables);
  if (names.every((name) => given[name])) return given as unknown as Secrets;
  if (config.env === 'production') {
    const variables = names.map((name) => config.secretVariables[name]!);
    throw new ConfigError([`${variables.slice(0, -1).join(', ')} and ${variables.at(-1)} are required in production`]);
  }
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: Record<string, string | undefined> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | undefined>;
  const secrets = Object.fromEntries(names.map((name) => [name, given[name] ?? stored[name] ?? randomBytes(32).toString('hex')])) as Record<
    string,
    string
  >;
  if (names.some((name) => stored[name] !== secrets[name])) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets as unknown as Secrets;
}
