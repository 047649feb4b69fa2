// Node client test of the Verbatim gRPC API (node --test), run by
// run_with_services.py with VERBATIM_QUERY_ADDR, VERBATIM_INGEST_ADDR,
// VERBATIM_SAMPLE_COUNT and VERBATIM_REPO_ROOT set. Loads the .proto files at
// run time with @grpc/proto-loader, as a journalist's script would.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = process.env.VERBATIM_REPO_ROOT ?? path.resolve(here, '..', '..');
const queryAddr = process.env.VERBATIM_QUERY_ADDR;
const ingestAddr = process.env.VERBATIM_INGEST_ADDR;
const sampleCount = Number(process.env.VERBATIM_SAMPLE_COUNT);
const HEALTH_PROTO_ROOT = '/usr/share/grpc-proto';
const deadline = () => new Date(Date.now() + 10_000);

const loaderOptions = {
  keepCase: false, // JSON-style lowerCamelCase field names: pageSize, displayName
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
};

// Promise wrapper for a unary call.
function call(client, method, request) {
  return new Promise((resolve, reject) => {
    client[method](request, { deadline: deadline() }, (err, response) =>
      err ? reject(err) : resolve(response));
  });
}

describe('Verbatim over @grpc/grpc-js', () => {
  let query;
  let healthClients;

  before(() => {
    assert.ok(queryAddr && ingestAddr, 'VERBATIM_QUERY_ADDR and VERBATIM_INGEST_ADDR must be set');
    assert.ok(sampleCount > 0, 'VERBATIM_SAMPLE_COUNT must be set');
    const api = grpc.loadPackageDefinition(protoLoader.loadSync(
      ['verbatim/v1/query_service.proto', 'verbatim/v1/ingest_service.proto'],
      { ...loaderOptions, includeDirs: [path.join(repoRoot, 'proto'), '/usr/include'] }));
    query = new api.verbatim.v1.QueryService(queryAddr, grpc.credentials.createInsecure());
    const health = grpc.loadPackageDefinition(protoLoader.loadSync(
      'grpc/health/v1/health.proto', { ...loaderOptions, includeDirs: [HEALTH_PROTO_ROOT] }));
    healthClients = [ingestAddr, queryAddr].map(
      (addr) => new health.grpc.health.v1.Health(addr, grpc.credentials.createInsecure()));
  });

  after(() => {
    query?.close();
    healthClients?.forEach((c) => c.close());
  });

  test('health: both services report SERVING', async () => {
    const [ingest, queryHealth] = healthClients;
    for (const [client, service] of [[ingest, ''], [ingest, 'verbatim.v1.IngestService'],
                                     [queryHealth, ''], [queryHealth, 'verbatim.v1.QueryService']]) {
      const response = await call(client, 'Check', { service });
      assert.equal(response.status, 'SERVING', `health of "${service}"`);
    }
  });

  test('ListArticles returns every sample, newest first', async () => {
    const response = await call(query, 'ListArticles', { pageSize: 100 });
    assert.equal(response.articles.length, sampleCount);
    assert.equal(response.nextPageToken, '');
    const times = response.articles.map((a) => Number(a.publishTime.seconds));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    const wire = response.articles.filter((a) => a.source === 'Backstage Wire');
    assert.equal(wire.length, 1);
    assert.match(wire[0].title, /Ingrid Halvorsen/);
    assert.match(wire[0].name, /^articles\/[^/]+$/);
  });

  test('SearchEntities and GetEntity find the director', async () => {
    const found = await call(query, 'SearchEntities', { query: 'halvorsen', type: 'PERSON' });
    const director = found.entities.find((e) => e.displayName === 'Ingrid Halvorsen');
    assert.ok(director, `found: ${found.entities.map((e) => e.displayName).join(', ')}`);
    const entity = await call(query, 'GetEntity', { name: director.name });
    assert.equal(entity.name, director.name);
    assert.equal(entity.type, 'PERSON');
    assert.ok(entity.articleCount >= 4, `articleCount ${entity.articleCount}: named in four samples`);
    assert.ok(entity.quoteCount >= 3, `quoteCount ${entity.quoteCount}`);
    assert.ok(entity.aliases.includes('Halvorsen'), `aliases: ${entity.aliases}`);
  });

  test('SearchQuotes links a reprinted quote across outlets', async () => {
    const found = await call(query, 'SearchQuotes', { query: 'original better one', pageSize: 10 });
    assert.ok(found.quotes.length >= 1, 'no quote with "original", "better" and "one"');
    for (const q of found.quotes) {
      for (const word of ['original', 'better', 'one']) {
        assert.ok(q.text.toLowerCase().includes(word), `${JSON.stringify(q.text)} lacks ${word}`);
      }
    }
    const quote = found.quotes.find((q) => q.speakerDisplayName === 'Ingrid Halvorsen');
    assert.ok(quote, `speakers: ${found.quotes.map((q) => q.speakerDisplayName)}`);
    const sources = new Set(quote.appearances.map((a) => a.source));
    assert.ok(sources.size >= 2, `printed by ${[...sources]}; expected several outlets`);
    assert.equal(quote.appearances[0].source, 'The Port Alder Ledger');
  });

  test('GetArticle of a missing article is NOT_FOUND with details', async () => {
    await assert.rejects(call(query, 'GetArticle', { name: 'articles/999999' }), (err) => {
      assert.equal(err.code, grpc.status.NOT_FOUND, err.message);
      assert.match(err.details, /articles\/999999/);
      const details = err.metadata.get('grpc-status-details-bin');
      assert.equal(details.length, 1, 'grpc-status-details-bin trailer');
      // A serialized google.rpc.Status: its strings are readable in the bytes.
      for (const expected of ['type.googleapis.com/google.rpc.ErrorInfo', 'verbatim.v1',
                              'RESOURCE_NOT_FOUND', 'articles/999999']) {
        assert.ok(details[0].includes(Buffer.from(expected)), `${expected} in status details`);
      }
      return true;
    });
  });
});
