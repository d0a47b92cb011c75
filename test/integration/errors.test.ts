// Unexpected errors are masked (with the request id the client can quote); database outages are coded.
import { formatError } from '../../src/graphql/server';
import { databaseUnavailableReason } from '../../src/shared/db-errors';
import { createHarness } from '../helpers/harness';

describe('error masking', () => {
  it('an unexpected resolver error answers INTERNAL_SERVER_ERROR with the request id, no detail', async () => {
    const h = await createHarness('sqlite');
    try {
      await h.exec(`mutation { createRun(input: { id: "r", phases: [{ phaseId: "p", name: "P" }] }) { id } }`);
      const ctx = h.context();
      Object.defineProperty(ctx.loaders, 'phasesByRun', {
        value: { load: () => Promise.reject(new Error('select * from secrets where path = /work/main/x')) },
      });
      const res = await h.apollo.executeOperation({ query: '{ run(id: "r") { phases { phaseId } } }' }, { contextValue: ctx });
      const body = res.body.kind === 'single' ? res.body.singleResult : null;
      expect(body?.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          path: ['run', 'phases'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'test' },
        },
      ]);
      expect(JSON.stringify(body)).not.toMatch(/secrets|\/work\//);
    } finally {
      await h.close();
    }
  });

  it('formats database outages as SERVICE_UNAVAILABLE with a plain reason', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(formatError({ message: refused.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, refused)).toEqual({
      message: 'Database unavailable: retry shortly',
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(databaseUnavailableReason(Object.assign(new Error('SQLITE_READONLY: attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))).toBe(
      'Database is read-only: nothing was written',
    );
    expect(databaseUnavailableReason(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('Database disk is full: nothing was written');
    expect(databaseUnavailableReason(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      'Database unavailable: retry shortly',
    );
    expect(databaseUnavailableReason(new Error('duplicate key value violates unique constraint'))).toBeNull();
  });
});
