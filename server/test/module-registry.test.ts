import { describe, it, expect } from 'vitest';
import { createModules, defineModule, seedDemoData, type Kernel } from '../src/platform/module.ts';
import { MODULES } from '../src/modules/index.ts';

// The registry's own rules need no running platform: these definitions never touch the kernel.
const kernel = {} as Kernel;

describe('the module registry', () => {
  it('lists every module folder once', async () => {
    const { readdirSync } = await import('node:fs');
    const folders = readdirSync(new URL('../src/modules/', import.meta.url), { withFileTypes: true })
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
