import autocannon from 'autocannon';
const token = process.argv[2];
const body = JSON.stringify({ query: '{ __typename }' });
await autocannon({ url: 'http://127.0.0.1:5998/graphql', method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, connections: 10, duration: 10 });
