import { describe, it, expect } from 'vitest';
import express from 'express';
import supertest from 'supertest';
import { loadSpec, listOperations, matchOperation, validator, bindOperations, type OperationHandlers } from '../http/openapi.ts';
import { problemHandler } from '../http/problem.ts';
import { createLogger } from '../logger.ts';
import { createTestPlatform } from '../../../test/helpers/platform.ts';

/** In tests every response is checked against the spec: a handler that drifts from the contract fails. */
describe('response validation', () => {
  function appWith(handlers: OperationHandlers) {
    const spec = loadSpec();
    const operations = listOperations(spec);
    const all: OperationHandlers = Object.fromEntries(
      operations.map((op) => [op.operationId, (_req: unknown, res: express.Response) => res.json({})]),
    );
    const app = express();
    app.use(matchOperation(operations));
    app.use(express.json());
    app.use(...validator(spec, { validateResponses: true, ignorePaths: /^\/admin/ }));
    app.use(bindOperations(operations, { ...all, ...handlers }));
    app.use(problemHandler({ logger: createLogger({ level: 'silent' }) }));
    return app;
  }

  it('passes a response that matches the contract', async () => {
    const res = await supertest(appWith({ getHealth: (_req, res) => res.json({ status: 'ok' }) })).get('/healthz');
    expect(res.status).toBe(200);
  });

  it('turns a drifting response into a failure', async () => {
    const drifted = await supertest(appWith({ getHealth: (_req, res) => res.json({ status: 'fine', uptime: 'long' }) })).get('/healthz');
    expect(drifted.status).toBe(500);
    const missing = await supertest(appWith({ getReadiness: (_req, res) => res.json({ status: 'ready' }) })).get('/readyz');
    expect(missing.status).toBe(500);
  });

  it('refuses to start when a handler is missing or extra', () => {
    const spec = loadSpec();
    const operations = listOperations(spec);
    expect(() => bindOperations(operations, {})).toThrow(/missing handlers: \[getHealth/);
    const all = Object.fromEntries(operations.map((op) => [op.operationId, () => undefined]));
    expect(() => bindOperations(operations, { ...all, notAnOperation: () => undefined })).toThrow(
      /handlers not in the spec: \[notAnOperation\]/,
    );
  });

  it('refuses to start when two operations share an operationId', () => {
    // Module contracts are written apart; a second module reusing an id would otherwise take over the first's handler.
    const spec = loadSpec() as { paths: Record<string, Record<string, unknown>> };
    expect(listOperations(spec).filter((op) => op.operationId === 'getHealth')).toHaveLength(1);
    const twice = { ...spec, paths: { ...spec.paths, '/v1/health-again': { get: structuredClone(spec.paths['/healthz']!.get) } } };
    expect(() => listOperations(twice)).toThrow('operationId getHealth is used twice');
  });
});

describe('CORS', () => {
  it('answers only the configured origins', async () => {
    const t = await createTestPlatform({ env: { CORS_ORIGINS: 'https://partner.example, https://app.partner.example' } });
    try {
      const allowed = await t.api
        .options('/v1/emails')
        .set('origin', 'https://partner.example')
        .set('access-control-request-method', 'GET');
      expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example');
      const other = await t.api.get('/healthz').set('origin', 'https://evil.example');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('sends no CORS headers when no origin is configured', async () => {
    const t = await createTestPlatform();
    try {
      const res = await t.api.get('/healthz').set('origin', 'https://partner.example');
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
