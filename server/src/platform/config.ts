import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * All configuration comes from environment variables, validated once at
 * start. Everything is optional in development; production insists on the
 * secrets and refuses the sandbox clock.
 */
const booleanFlag = z.enum(['0', '1', 'true', 'false']).transform((value) => value === '1' || value === 'true');

const port = z.coerce.number().int().min(0).max(65535);

const schema = z
  .object({
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
    MATCHING_STRATEGY: z.enum(['random', 'least-recently-assigned']).default('random'),
    PRICING_STRATEGY: z.enum(['fixed']).default('fixed'),
    APPLICATION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    APPLICATION_GLOBAL_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    APPLICATION_POW_MAX_NUMBER: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
    APPLICATION_REFUSAL_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(200),
    APPLICATION_CHALLENGE_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(600),
    GOLDEN_HAT_URL: z.string().url().optional(),
    GOLDEN_HAT_API_KEY: z.string().min(8).optional(),
    GOLDEN_HAT_WEBHOOK_SECRET: z.string().min(16).optional(),
    GOLDEN_HAT_STAND_IN: booleanFlag.optional(),
    GOLDEN_HAT_STAND_IN_PORT: port.default(4020),
    GOLDEN_HAT_SETTLE_DELAY_SECONDS: z.coerce.number().min(0).max(86_400).default(10),
    PAYMENT_PROVIDER: z.enum(['sandbox-card']).default('sandbox-card'),
    MATCHING_RETRY_SECONDS: z.coerce.number().int().min(10).max(3600).default(180),
    SUPPLIER_URL: z.string().url().optional(),
    SUPPLIER_API_KEY: z.string().min(8).optional(),
    SUPPLIER_WEBHOOK_SECRET: z.string().min(16).optional(),
    SUPPLIER_STAND_IN: booleanFlag.optional(),
    SUPPLIER_STAND_IN_PORT: port.default(4010),
    SUPPLIER_DELIVERY_DELAY_SECONDS: z.coerce.number().min(0).max(86_400).default(20),
    SUPPLIER_POLL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
    SUPPLIER_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    S3_BUCKET: z.string().min(3).optional(),
    S3_ENDPOINT: z.string().url().optional(),
    S3_REGION: z.string().default('us-east-1'),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    if (env.CHORECAT_SANDBOX) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['CHORECAT_SANDBOX'],
        message: 'the sandbox clock is refused when NODE_ENV=production',
      });
    }
    for (const key of [
      'JWT_SECRET',
      'SESSION_SECRET',
      'DATABASE_URL',
      'SUPPLIER_URL',
      'SUPPLIER_API_KEY',
      'SUPPLIER_WEBHOOK_SECRET',
      'GOLDEN_HAT_URL',
      'GOLDEN_HAT_API_KEY',
      'GOLDEN_HAT_WEBHOOK_SECRET',
    ] as const) {
      if (!env[key]) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'is required in production' });
      }
    }
  });

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
  secrets: {
    jwt?: string;
    session?: string;
    supplierApiKey?: string;
    supplierWebhookSecret?: string;
    goldenHatApiKey?: string;
    goldenHatWebhookSecret?: string;
  };
  corsOrigins: string[];
  bodyLimit: string;
  logLevel: string;
  rateLimit: { perMinute: number; authPerMinute: number };
  seedDemo: boolean;
  /** Names of the matching and pricing strategies (SPEC §7: pluggable by configuration). */
  matchingStrategy: 'random' | 'least-recently-assigned';
  pricingStrategy: 'fixed';
  /** How often an order nobody could take is matched again. */
  matchingRetryMs: number;
  /** Golden Hat, the payout service (SPEC §8); a local stand-in outside production unless GOLDEN_HAT_URL is set. */
  goldenHat: { url: string; standIn: boolean; standInPort: number; settleDelayMs: number; pollIntervalMs: number; timeoutMs: number };
  /** The payment provider top-ups go through (a sandbox one is refused its charges in production). */
  paymentProvider: string;
  /** Flood defence of the public application form (SPEC §5.2). */
  applications: {
    perAddressPerMinute: number;
    globalPerMinute: number;
    powMaxNumber: number;
    challengeTtlMs: number;
    refusalDelayMs: number;
  };
  /**
   * The cookie supplier (SPEC §6). Outside production a local stand-in
   * speaking the same protocol is started unless SUPPLIER_URL points
   * elsewhere; its key and webhook secret are then generated secrets.
   */
  supplier: {
    url: string;
    standIn: boolean;
    standInPort: number;
    deliveryDelayMs: number;
    pollIntervalMs: number;
    timeoutMs: number;
  };
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

/** Parses the environment; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(pickDefined(source));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const env = parsed.data;
  const production = env.NODE_ENV === 'production';
  return {
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
    secrets: {
      jwt: env.JWT_SECRET,
      session: env.SESSION_SECRET,
      supplierApiKey: env.SUPPLIER_API_KEY,
      supplierWebhookSecret: env.SUPPLIER_WEBHOOK_SECRET,
      goldenHatApiKey: env.GOLDEN_HAT_API_KEY,
      goldenHatWebhookSecret: env.GOLDEN_HAT_WEBHOOK_SECRET,
    },
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit: env.BODY_LIMIT,
    logLevel: env.LOG_LEVEL,
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, authPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE },
    seedDemo: env.SEED_DEMO ?? !production,
    oidcProviders: oidcProvidersFrom(source),
    matchingStrategy: env.MATCHING_STRATEGY,
    pricingStrategy: env.PRICING_STRATEGY,
    matchingRetryMs: env.MATCHING_RETRY_SECONDS * 1000,
    paymentProvider: env.PAYMENT_PROVIDER,
    goldenHat: goldenHatConfig(env),
    applications: {
      perAddressPerMinute: env.APPLICATION_RATE_LIMIT_PER_MINUTE,
      globalPerMinute: env.APPLICATION_GLOBAL_RATE_LIMIT_PER_MINUTE,
      powMaxNumber: env.APPLICATION_POW_MAX_NUMBER,
      challengeTtlMs: env.APPLICATION_CHALLENGE_TTL_SECONDS * 1000,
      refusalDelayMs: env.APPLICATION_REFUSAL_DELAY_MS,
    },
    supplier: supplierConfig(env),
    storage: env.S3_BUCKET
      ? {
          kind: 's3',
          bucket: env.S3_BUCKET,
          endpoint: env.S3_ENDPOINT,
          region: env.S3_REGION,
          accessKeyId: env.S3_ACCESS_KEY_ID,
          secretAccessKey: env.S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.S3_FORCE_PATH_STYLE ?? Boolean(env.S3_ENDPOINT),
        }
      : { kind: 'disk', directory: path.join(path.resolve(env.CHORECAT_DATA_DIR), 'files') },
    validateResponses: env.NODE_ENV === 'test',
  };
}

function supplierConfig(env: z.infer<typeof schema>): Config['supplier'] {
  // The stand-in runs by default in development only, and never when a real supplier is configured.
  const standIn = env.SUPPLIER_STAND_IN ?? (env.NODE_ENV === 'development' && !env.SUPPLIER_URL);
  return {
    url: env.SUPPLIER_URL ?? (standIn ? `http://127.0.0.1:${env.SUPPLIER_STAND_IN_PORT}` : 'http://127.0.0.1:9'),
    standIn,
    standInPort: env.SUPPLIER_STAND_IN_PORT,
    deliveryDelayMs: Math.round(env.SUPPLIER_DELIVERY_DELAY_SECONDS * 1000),
    pollIntervalMs: env.SUPPLIER_POLL_SECONDS * 1000,
    timeoutMs: env.SUPPLIER_TIMEOUT_MS,
  };
}

function goldenHatConfig(env: z.infer<typeof schema>): Config['goldenHat'] {
  const standIn = env.GOLDEN_HAT_STAND_IN ?? (env.NODE_ENV === 'development' && !env.GOLDEN_HAT_URL);
  return {
    url: env.GOLDEN_HAT_URL ?? (standIn ? `http://127.0.0.1:${env.GOLDEN_HAT_STAND_IN_PORT}` : 'http://127.0.0.1:9'),
    standIn,
    standInPort: env.GOLDEN_HAT_STAND_IN_PORT,
    settleDelayMs: Math.round(env.GOLDEN_HAT_SETTLE_DELAY_SECONDS * 1000),
    pollIntervalMs: 5 * 60_000,
    timeoutMs: 5_000,
  };
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

export interface Secrets {
  jwt: string;
  session: string;
  /** What we present to the supplier, and what its callbacks are signed with. */
  supplierApiKey: string;
  supplierWebhookSecret: string;
  /** Our key at Golden Hat, and what its callbacks are signed with. */
  goldenHatApiKey: string;
  goldenHatWebhookSecret: string;
}

const SECRET_NAMES = ['jwt', 'session', 'supplierApiKey', 'supplierWebhookSecret', 'goldenHatApiKey', 'goldenHatWebhookSecret'] as const;

/**
 * Outside production a missing secret is generated once and kept in the data
 * folder, so tokens, sessions and the supplier stand-in's keys survive a
 * restart without any set-up.
 */
export function resolveSecrets(config: Config): Secrets {
  const given = config.secrets;
  if (SECRET_NAMES.every((name) => given[name])) return given as Secrets;
  if (config.env === 'production') {
    throw new ConfigError([
      'JWT_SECRET, SESSION_SECRET, SUPPLIER_API_KEY, SUPPLIER_WEBHOOK_SECRET, GOLDEN_HAT_API_KEY and GOLDEN_HAT_WEBHOOK_SECRET are required in production',
    ]);
  }
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (existsSync(file)) stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Secrets>;
  const secrets = Object.fromEntries(
    SECRET_NAMES.map((name) => [name, given[name] ?? stored[name] ?? randomBytes(32).toString('hex')]),
  ) as unknown as Secrets;
  if (SECRET_NAMES.some((name) => stored[name] !== secrets[name])) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}
