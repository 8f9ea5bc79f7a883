import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
const [pid, token] = [Number(process.argv[2]), process.argv[3]];
const cpu = () => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 10; };
async function measure(name, query, variables = {}) {
  const body = JSON.stringify({ query, variables });
  const opts = { url: 'http://127.0.0.1:5998/graphql', method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, connections: 10 };
  await autocannon({ ...opts, duration: 1 });
  const c0 = cpu();
  const res = await autocannon({ ...opts, duration: 4 });
  console.log(name.padEnd(12), String(Math.round(res.requests.average)).padStart(6), 'rps', ((cpu() - c0) / res.requests.total).toFixed(3), 'ms API CPU/req', res.non2xx, 'non2xx');
}
await measure('typename', '{ __typename }');
await measure('me', '{ me { id email } }');
await measure('detail', 'query ($id: ID!) { claim(id: $id) { id number status submittedOn device { id imei } model { id name } customer { id name } events { id type fromStatus toStatus actor at } } }', { id: '612345' });
await measure('typename', '{ __typename }');
await measure('detail', 'query ($id: ID!) { claim(id: $id) { id number status submittedOn device { id imei } model { id name } customer { id name } events { id type fromStatus toStatus actor at } } }', { id: '612345' });
