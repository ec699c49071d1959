/**
 * What the three actor flows (client-flow.ts, worker-flow.ts,
 * manager-flow.ts) share: reading a code from the dev mailbox, waiting for
 * background work, hiring a fresh worker, and placing an order that lands on
 * a chosen worker. Every call is an SDK resource method (`client.orders.create(…)`).
 */
import { apply, createChorecat, login, uploadFile, type ChorecatClient, type Schemas } from '@chorecat/sdk';

export const DEMO_PASSWORD = 'chorecat-demo';

export interface Credentials {
  email: string;
  password: string;
}

export const demo = (email: string): Credentials => ({ email, password: DEMO_PASSWORD });

/** Who plays the parts the flow does not create itself (default: the demo accounts). */
export interface Staff {
  client: Credentials;
  manager: Credentials;
  admin: Credentials;
  supplies: Credentials;
}

export const DEMO_STAFF: Staff = {
  client: demo('client@chorecat.test'),
  manager: demo('manager@chorecat.test'),
  admin: demo('admin@chorecat.test'),
  supplies: demo('supplies@chorecat.test'),
};

export interface FlowOptions {
  /** MailDev's web address (its REST API: `GET /email`). */
  mailboxUrl?: string;
  log?: (line: string) => void;
  staff?: Staff;
  /** Called while waiting for background work (a test delivers its outbox here; a running server needs nothing). */
  deliver?: () => Promise<void>;
}

/** The CLI's settings, as the other examples read them. */
export function cliSettings() {
  return {
    baseUrl: process.env.CHORECAT_URL ?? process.env.PUBLIC_URL ?? 'http://localhost:3000',
    mailboxUrl: process.env.MAILBOX_URL ?? `http://localhost:${process.env.MAILDEV_WEB_PORT ?? 1080}`,
  };
}

/** A different address every run, so a flow runs again against the same server. */
export const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until it returns something (the work happens in the background, after the cause commits). */
export async function eventually<T>(
  what: string,
  read: () => Promise<T | undefined>,
  deliver?: () => Promise<void>,
  tries = 120,
): Promise<T> {
  for (let n = 0; n < tries; n++) {
    await deliver?.();
    const value = await read();
    if (value !== undefined) return value;
    await sleep(500);
  }
  throw new Error(`${what} did not happen in time`);
}

interface MailDevEmail {
  subject: string;
  text: string;
  date: string;
  to: { address: string }[];
}

/** The 6-digit code in the newest email to `to` whose subject matches and that carries one, read from MailDev. */
export async function codeFromMailbox(mailboxUrl: string, to: string, subject: RegExp, deliver?: () => Promise<void>): Promise<string> {
  return eventually(
    `an email to ${to}`,
    async () => {
      const emails = (await (await fetch(`${mailboxUrl.replace(/\/$/, '')}/email`)).json()) as MailDevEmail[];
      const mine = emails
        .filter((e) => e.to.some((r) => r.address.toLowerCase() === to.toLowerCase()) && subject.test(e.subject))
        .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
      for (const email of mine) {
        const code = /code is (\d{6})/.exec(email.text)?.[1];
        if (code) return code;
      }
      return undefined;
    },
    deliver,
  );
}

/** The platform's time: the sandbox clock, which may be ahead of yours after earlier runs. */
export async function platformNow(manager: ChorecatClient): Promise<Date> {
  return new Date((await manager.sandbox.getClock.orThrow()).now);
}

export async function advanceTo(manager: ChorecatClient, to: Date): Promise<void> {
  await manager.sandbox.advance.orThrow({ advanceTo: to.toISOString() });
}

/** On the hour, at least `hours` ahead of the platform time. */
export function hoursAhead(now: Date, hours: number): Date {
  return new Date(Math.ceil((now.getTime() + hours * 3_600_000) / 3_600_000) * 3_600_000);
}

// A 1×1 PNG: the check-in and report photos.
const PHOTO = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

export async function uploadPhoto(worker: ChorecatClient): Promise<string> {
  return (await uploadFile(worker, new Blob([PHOTO], { type: 'image/png' }), 'photo.png')).id;
}

/**
 * The answers to the demo vacancy's test (`seedDemoHiring`), by question:
 * an applicant app would show the questions to the cat; the example knows them.
 */
const DEMO_TEST_ANSWERS: Record<string, string> = {
  'Where does clumping litter go once used?': 'In the bin, bagged',
  'What do you do before de-furring a sofa?': 'Vacuum loose fur',
  'The client signs the report with…': '"all done, no claims"',
};

export interface HiredWorker {
  client: ChorecatClient;
  credentials: Credentials;
  applicationId: string;
  workerId: string;
  workerCode: string;
  testScores: (number | null)[];
}

/**
 * A cat applies (the SDK solves the proof-of-work), sets its password with
 * the code from the mailbox, takes every test assigned to it, and the
 * manager hires it.
 */
export async function applyAndGetHired(
  baseUrl: string,
  manager: ChorecatClient,
  options: FlowOptions & { name: string; mailboxUrl: string },
): Promise<HiredWorker> {
  const log = options.log ?? (() => undefined);
  const anonymous = createChorecat({ baseUrl });
  const [vacancy] = (await anonymous.vacancies.list.orThrow()).data;
  if (!vacancy) throw new Error('no open vacancy (run `npm run chorecat -- seed-demo`?)');
  const credentials = { email: uniqueEmail(options.name.toLowerCase()), password: `${options.name}-password-1` };
  const receipt = await apply(anonymous, {
    name: options.name,
    email: credentials.email,
    breed: 'Bengal',
    age: 3,
    skills: ['Windows', 'Litter'],
    vacancyId: vacancy.id,
  });
  log(`[applicant] ${credentials.email} applied to "${vacancy.title}" (proof of work solved): ${receipt.status}`);

  const code = await codeFromMailbox(options.mailboxUrl, credentials.email, /received your application/i, options.deliver);
  await anonymous.auth.resetPassword.orThrow({ email: credentials.email, code, newPassword: credentials.password });
  const { client } = await login({ baseUrl }, credentials);
  log(`[applicant] set a password with the code ${code} from the mailbox, signed in`);

  const application = await client.applications.get.orThrow(receipt.id);
  const testScores: (number | null)[] = [];
  for (const test of application.tests) {
    const attempt = await client.applications.startTestAttempt.orThrow(receipt.id, test.id);
    const answers = attempt.questions.map((q) => {
      const index = q.choices.indexOf(DEMO_TEST_ANSWERS[q.text] ?? '');
      if (index < 0) throw new Error(`the example does not know the answer to "${q.text}"`);
      return index;
    });
    const result = await client.applications.submitTestAnswers.orThrow(receipt.id, test.id, attempt.id, { answers });
    testScores.push(result.score);
    log(`[applicant] took the test: score ${result.score}, ${result.passed ? 'passed' : 'failed'}`);
  }

  const hired = await manager.applications.hire.orThrow(receipt.id);
  log(`[manager] hires the applicant: worker ${hired.workerCode}`);
  // The worker role is new: sign in again for a token that carries it.
  const { client: worker } = await login({ baseUrl }, credentials);
  return { client: worker, credentials, applicationId: receipt.id, workerId: hired.workerId!, workerCode: hired.workerCode!, testScores };
}

/**
 * Posts an order that lands on `workerId`, deterministically: matching gives
 * an order any worker free for its slot, so the client posts as many orders
 * for one slot as there are workers — every free worker gets one, ours
 * included — and cancels the others once matched. (A sandbox trick: a real
 * app posts one order and takes the worker it gets.)
 */
export async function orderForWorker(
  baseUrl: string,
  parts: { client: ChorecatClient; manager: ChorecatClient; supplies: ChorecatClient },
  options: { workerId: string; startsAt: Date; address: string; log?: (line: string) => void; deliver?: () => Promise<void> },
): Promise<Schemas['Order']> {
  const log = options.log ?? (() => undefined);
  const { client, manager, supplies } = parts;
  const workers = await manager.workers.list({ limit: 100 }).toArray();
  const [type] = (await client.serviceTypes.list.orThrow()).data;
  const posted: Schemas['Order'][] = [];
  for (let round = 1; ; round++) {
    const batch = await Promise.all(
      workers.map(() =>
        client.orders.create.orThrow({
          serviceTypeId: type!.id,
          startsAt: options.startsAt.toISOString(),
          address: options.address,
          description: 'From the example',
        }),
      ),
    );
    posted.push(...batch);
    log(`[client] posts ${batch.length} order(s) for ${options.startsAt.toISOString()} (one per worker, so one lands on ours)`);
    await packKits(supplies, new Set(batch.map((o) => o.id)), log, options.deliver);

    // Ours is found, or every order of the batch went to someone else (then a worker outside the list was free: again).
    const mine = await eventually(
      'the match',
      async () => {
        const current = await Promise.all(batch.map((o) => client.orders.get.orThrow(o.id)));
        const ours = current.find((o) => o.workerId === options.workerId && o.status === 'scheduled');
        if (ours) return ours;
        return current.every((o) => o.status === 'scheduled') ? null : undefined;
      },
      options.deliver,
    );
    if (!mine) {
      if (round === 3) throw new Error(`no order landed on worker ${options.workerId}`);
      continue;
    }
    for (const other of posted.filter((o) => o.id !== mine.id)) {
      await client.orders.cancel.orThrow(other.id, { reason: 'example: slot filler' });
    }
    log(`[client] order ${mine.id} is scheduled with our worker at ${mine.price}; ${posted.length - 1} filler(s) cancelled`);
    return mine;
  }
}

/** Supplies packs each order's kit once its cookie is delivered (the kit opens and the cookie is ordered in the background). */
async function packKits(supplies: ChorecatClient, orderIds: Set<string>, log: (line: string) => void, deliver?: () => Promise<void>) {
  const ready = new Set<string>();
  await eventually(
    'the kits',
    async () => {
      const kits = await supplies.kits.list({ status: 'open', limit: 100 }).toArray();
      for (const kit of kits.filter((k) => orderIds.has(k.orderId) && k.cookie.status === 'delivered' && !ready.has(k.id))) {
        await supplies.kits.pack.orThrow(kit.id, {});
        await supplies.kits.markReady.orThrow(kit.id);
        ready.add(kit.id);
      }
      return ready.size === orderIds.size ? true : undefined;
    },
    deliver,
    240,
  );
  log(`[supplies] packed ${ready.size} kit(s) once their cookies were delivered`);
}

/** Advances to the next month end until the worker's statement carrying `orderId` is issued. */
export async function statementWith(
  manager: ChorecatClient,
  worker: ChorecatClient,
  orderId: string,
  deliver?: () => Promise<void>,
): Promise<Schemas['Statement']> {
  for (let months = 0; months < 2; months++) {
    const clock = await platformNow(manager);
    // Noon UTC on the 1st: past the last day's 23:00 in any business time zone.
    await advanceTo(manager, new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth() + 1, 1, 12)));
    await deliver?.();
    for await (const statement of worker.statements.list({ limit: 100 })) {
      if (statement.lines.some((l) => l.orderId === orderId)) return statement;
    }
  }
  throw new Error(`no statement carries order ${orderId}`);
}
