import { describe, it, expect } from 'vitest';
import { createModules, defineModule, rolesOf, seedDemoData, type Kernel } from '../module.ts';
import { EventBus } from '../events.ts';
import { PrivacyRegistry } from '../privacy.ts';
import type { OutboxDispatcher } from '../outbox.ts';
import { MODULES, ROLES } from '../../modules/index.ts';

/**
 * The registry's own rules need no running platform: these definitions touch
 * only the kernel's event bus (which nothing here publishes on, so it needs
 * no database) and its privacy registry.
 */
function bareKernel(): Kernel {
  const outbox = { handle: () => undefined } as unknown as OutboxDispatcher;
  return {
    events: new EventBus({ db: undefined as never, clock: undefined as never, outbox }),
    privacy: new PrivacyRegistry(),
  } as unknown as Kernel;
}
const kernel = bareKernel();

describe('the module registry', () => {
  it('lists every module folder once', async () => {
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync(new URL('../../modules/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });

  it('refuses a module registered twice', () => {
    const a = defineModule({ name: 'a', create: () => ({ name: 'a', handlers: {} }) });
    const otherA = defineModule({ name: 'a', create: () => ({ name: 'a', handlers: {} }) });
    expect(() => createModules(kernel, [a, otherA])).toThrow('module a is registered twice');
  });

  it('hands a module the service of a peer listed before it, and refuses one listed after', () => {
    const provider = defineModule({ name: 'provider', create: () => ({ name: 'provider', handlers: {}, provides: { answer: 42 } }) });
    let seen: number | undefined;
    const user = defineModule({
      name: 'user',
      create: (_kernel, peers) => {
        seen = peers.of(provider).answer;
        return { name: 'user', handlers: {} };
      },
    });
    createModules(kernel, [provider, user]);
    expect(seen).toBe(42);
    expect(() => createModules(kernel, [user, provider])).toThrow('module provider is used before it is created');
  });

  it('fails at start when a module subscribes to an event no module declares it publishes', () => {
    const follower = defineModule({
      name: 'follower',
      create: (k) => {
        k.events.subscribe('order.created', 'follower.note', async () => undefined);
        return { name: 'follower', handlers: {} };
      },
    });
    const publisher = defineModule({
      name: 'publisher',
      publishes: ['order.created'],
      create: () => ({ name: 'publisher', handlers: {} }),
    });
    expect(() => createModules(bareKernel(), [follower])).toThrow('follower.note subscribes to order.created, which no module publishes');
    expect(() => createModules(bareKernel(), [follower, publisher])).not.toThrow();
  });

  it("collects the roles modules introduce beside the kernel's, and refuses one introduced twice", () => {
    expect([...ROLES].sort()).toEqual(['admin', 'applicant', 'client', 'manager', 'supplies', 'worker']);
    const a = defineModule({ name: 'a', roles: ['client'], create: () => ({ name: 'a', handlers: {} }) });
    const b = defineModule({ name: 'b', roles: ['client'], create: () => ({ name: 'b', handlers: {} }) });
    expect(rolesOf([a])).toEqual(['manager', 'admin', 'client']);
    expect(() => rolesOf([a, b])).toThrow('role client is introduced twice (by b)');
    expect(() => rolesOf([defineModule({ name: 'c', roles: ['admin'], create: () => ({ name: 'c', handlers: {} }) })])).toThrow(
      'role admin is introduced twice',
    );
  });

  it('registers the personal data each module declares, in registry order', () => {
    const section = (name: string) => ({ section: name, export: async () => null, erase: async () => undefined });
    const k = bareKernel();
    createModules(k, [
      defineModule({ name: 'one', create: () => ({ name: 'one', handlers: {}, personalData: [section('first')] }) }),
      defineModule({ name: 'two', create: () => ({ name: 'two', handlers: {}, personalData: [section('second'), section('third')] }) }),
    ]);
    expect(k.privacy.list().map((c) => c.section)).toEqual(['first', 'second', 'third']);
  });

  it('refuses a kernel service supplied by two modules', () => {
    const alerting = (name: string) =>
      defineModule({ name, create: () => ({ name, handlers: {}, services: { alertOperators: async () => undefined } }) });
    expect(createModules(bareKernel(), [alerting('one')]).services.alertOperators).toBeTypeOf('function');
    expect(() => createModules(bareKernel(), [alerting('one'), alerting('two')])).toThrow(
      'kernel service alertOperators is supplied twice (again by two)',
    );
  });

  it('runs the demo seeds in registry order', async () => {
    const order: string[] = [];
    const seeded = (name: string) =>
      defineModule({
        name,
        create: () => ({ name, handlers: {} }),
        seed: async () => {
          order.push(name);
          return [`${name}-row`];
        },
      });
    const created = await seedDemoData({} as Kernel, [
      seeded('first'),
      defineModule({ name: 'none', create: () => ({ name: 'none', handlers: {} }) }),
      seeded('second'),
    ]);
    expect(order).toEqual(['first', 'second']);
    expect(created).toEqual(['first-row', 'second-row']);
  });
});
