import { describe, expect, it } from 'vitest';
import { MethodTable } from './method-table.js';

describe('MethodTable', () => {
  const table = new MethodTable();
  table.add(['GET', 'HEAD'], '/v1/evaluations/:traceId');
  table.add('POST', '/v1/evaluations/:traceId/execute');
  table.add('POST', '/v1/evaluations');
  table.add(['GET', 'HEAD'], '/docs/*');

  it('lists the methods of every route whose pattern the path fits, sorted', () => {
    expect(table.allowed('/v1/evaluations/abc')).toEqual(['GET', 'HEAD']);
    expect(table.allowed('/v1/evaluations/abc/execute')).toEqual(['POST']);
    expect(table.allowed('/v1/evaluations')).toEqual(['POST']);
    expect(table.allowed('/docs/static/index.html')).toEqual(['GET', 'HEAD']);
    expect(table.allowed('/docs/')).toEqual(['GET', 'HEAD']);
  });

  it('finds nothing for a path no route has: an empty parameter, a trailing slash, more or fewer segments', () => {
    expect(table.allowed('/v1/evaluations/')).toEqual([]);
    expect(table.allowed('/v1/evaluations/abc/')).toEqual([]);
    expect(table.allowed('/v1/evaluations/abc/execute/now')).toEqual([]);
    expect(table.allowed('/v1')).toEqual([]);
    expect(table.allowed('/docs')).toEqual([]);
  });
});
