import { createServer } from 'node:http';
import express from 'express';
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
const body = JSON.stringify({ query: 'query ($id: ID!) { claim(id: $id) { id number status } }', variables: { id: '1' } });
const answer = JSON.stringify({ data: { claim: { id: '1', number: 'CL-1', status: 'CLOSED', events: Array.from({ length: 8 }, (_, i) => ({ id: i, type: 'X', at: '2025-01-01T00:00:00Z' })) } } });
const cpu = () => { const r = process.cpuUsage(); return (r.user + r.system) / 1000; };
async function measure(name, handler) {
  const server = createServer(handler).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${server.address().port}/graphql`;
  const c0 = cpu();
  const res = await autocannon({ url, method: 'POST', body, headers: { 'content-type': 'application/json' }, connections: 10, duration: 4 });
  console.log(name, res.requests.average, 'rps', ((cpu() - c0) / res.requests.total).toFixed(3), 'ms CPU/req (incl. autocannon)');
  server.close();
}
await measure('raw', (req, res) => { let data = ''; req.on('data', (d) => (data += d)); req.on('end', () => { JSON.parse(data); res.setHeader('content-type', 'application/json'); res.end(answer); }); });
const app = express();
app.disable('x-powered-by'); app.set('etag', false);
app.use((req, res, next) => { for (let i = 0; i < 12; i++) res.setHeader('x-h' + i, 'v'); next(); });
app.use((req, res, next) => { res.setHeader('x-request-id', 'abc'); res.on('finish', () => {}); next(); });
app.get('/healthz', (req, res) => res.json({}));
app.use('/graphql', express.json({ limit: '1mb' }), (req, res) => { res.setHeader('content-type', 'application/json'); res.end(answer); });
await measure('express', app);
await measure('raw', (req, res) => { let data = ''; req.on('data', (d) => (data += d)); req.on('end', () => { JSON.parse(data); res.setHeader('content-type', 'application/json'); res.end(answer); }); });
await measure('express', app);
