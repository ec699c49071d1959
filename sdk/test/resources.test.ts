import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deriveMethodName, groupOf, EXCLUDED_TAGS, HTTP_METHODS, resourceModel } from '../scripts/resources.ts';
import { resourceTable } from '../src/generated/resources.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contract = parse(readFileSync(path.join(root, 'openapi/bundled/openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
};
const allOperations = Object.values(contract.paths).flatMap((item) =>
  HTTP_METHODS.flatMap((m) => (item[m] ? [{ operationId: item[m].operationId!, tag: item[m].tags![0]! }] : [])),
);

describe('resource methods generated from the contract', () => {
  it('gives every partner operation exactly one method, and leaves out only the integrations callbacks', () => {
    const table = Object.entries(resourceTable).flatMap(([group, methods]) =>
      Object.entries(methods).map(([name, spec]) => ({ key: `${group}.${name}`, operationId: spec.operationId })),
    );
    const partner = allOperations.filter((op) => !EXCLUDED_TAGS.includes(op.tag));
    expect(table.map((t) => t.operationId).sort()).toEqual(partner.map((op) => op.operationId).sort());
    expect(new Set(table.map((t) => t.operationId)).size).toBe(table.length);
    expect(new Set(table.map((t) => t.key)).size).toBe(table.length);
    expect(
      resourceModel(contract)
        .excluded.map((op) => op.operationId)
        .sort(),
    ).toEqual(['receiveGoldenHatEvent', 'receiveSupplierEvent']);
    expect(partner.length).toBeGreaterThan(70);
  });

  it('groups methods by the path’s resource and names them after the operationId without its noun, unless x-sdk-method says otherwise', () => {
    const names = Object.fromEntries(resourceModel(contract).operations.map((op) => [op.operationId, `${op.group}.${op.method}`]));
    expect(names).toMatchObject({
      listOrders: 'orders.list',
      getOrder: 'orders.get',
      cancelOrder: 'orders.cancel',
      getOrderTimeline: 'orders.getTimeline',
      placeBid: 'orders.placeBid', // a sub-resource stays with its order
      packKit: 'kits.pack',
      markKitReady: 'kits.markReady',
      getUpcomingInvoice: 'invoices.getUpcoming',
      createTopUp: 'topUps.create',
      listServiceTypes: 'serviceTypes.list',
      listVacancies: 'vacancies.list',
      markSettlementSharePaid: 'settlementShares.markPaid',
      listOffers: 'offers.list',
      acceptOffer: 'offers.accept',
      declineOffer: 'offers.decline',
      advanceSandboxClock: 'sandbox.advance', // x-sdk-method
      hireApplicant: 'applications.hire', // x-sdk-method
      createWebhookEndpoint: 'webhookEndpoints.create',
      rotateWebhookEndpointSecret: 'webhookEndpoints.rotateSecret',
      getHealth: 'operations.getHealth', // outside /v1: by its tag
      getMe: 'me.get',
      listEvents: 'events.list',
    });
    expect(deriveMethodName('uploadFile', 'files')).toBe('upload');
    expect(deriveMethodName('login', 'auth')).toBe('login');
    expect(groupOf('/v1/service-types/{id}', 'catalog')).toBe('serviceTypes');
    expect(groupOf('/healthz', 'operations')).toBe('operations');
  });

  it('refuses two operations that would get the same name', () => {
    const clash = {
      paths: {
        '/a': { get: { operationId: 'getOrder', tags: ['orders'], responses: {} } },
        '/b': { get: { operationId: 'getOrders', tags: ['orders'], responses: {} } },
      },
    };
    expect(() => resourceModel(clash)).toThrow(/getOrders and getOrder would both be orders\.get; give one an x-sdk-method/);
  });

  it('marks the cursor-paginated lists, taking the cursor where the operation does', () => {
    const lists = Object.fromEntries(
      resourceModel(contract)
        .operations.filter((op) => op.cursorParam)
        .map((op) => [op.operationId, op.cursorParam]),
    );
    expect(lists).toMatchObject({ listOrders: 'cursor', listEvents: 'after', listKits: 'cursor' });
    expect(lists).not.toHaveProperty('listVacancies'); // one page, no cursor
  });
});
