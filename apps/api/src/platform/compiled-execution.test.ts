import { GraphQLError, buildSchema, parse, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aClaim } from '../testing/factories.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { compiledExecution } from './compiled-execution.js';
import { NotFoundError } from './errors.js';

let compiles = 0;

/** Runs `query` through the gateway executor `runs` times, as Apollo would after parsing it once. */
async function runs(schema: GraphQLSchema, query: string, variables: Record<string, unknown>, times: number) {
  const gateway = compiledExecution(schema, { onCompiled: () => compiles++ });
  const { executor } = await gateway.load({ apollo: { key: '', keyHash: '', graphRef: '' } });
  const document = parse(query);
  const answers = [];
  for (let i = 0; i < times; i++) {
    answers.push(await executor!({ document, operationName: null, request: { variables }, context: {} } as never));
  }
  return answers;
}

describe('compiled execution', () => {
  const schema = buildSchema('type Query { claim(id: ID!): Claim  claims(limit: Int!): [Claim!]! } type Claim { id: ID! number: String! }');
  const fields = schema.getQueryType()!.getFields();
  fields['claim']!.resolve = (_: unknown, { id }: { id: string }) => {
    if (id === 'missing') throw new NotFoundError('Claim', id);
    return { id, number: `CL-${id}` };
  };
  fields['claims']!.resolve = (_: unknown, { limit }: { limit: number }) => Array.from({ length: limit }, (__, i) => ({ id: i, number: `CL-${i}` }));

  it('answers a document the same way the first time (graphql-js) and every time after (compiled)', async () => {
    const answers = await runs(schema, '{ claims(limit: 3) { id number } }', {}, 3);
    // Compiled once, the second time it ran.
    expect(compiles).toBe(1);
    expect(answers[0]).toEqual({ data: { claims: [0, 1, 2].map((i) => ({ id: String(i), number: `CL-${i}` })) } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it("keeps a resolver's error, its path and its place in the document, as graphql-js does (formatError reads them)", async () => {
    const [first, compiled] = await runs(schema, '{ claim(id: "missing") { id } }', {}, 2);
    for (const answer of [first!, compiled!]) {
      const [error] = answer.errors!;
      expect(error).toBeInstanceOf(GraphQLError);
      expect(error!.originalError).toBeInstanceOf(NotFoundError);
      expect(error!.path).toEqual(['claim']);
      expect(error!.locations).toEqual([{ line: 1, column: 3 }]);
      // Apollo reads `extensions.code` of every error: graphql-jit leaves `extensions` undefined.
      expect(error!.extensions).toEqual({});
      expect(answer.data).toEqual({ claim: null });
    }
  });

  it('refuses bad variables in graphql-js words (Apollo makes them BAD_USER_INPUT) without running anything', async () => {
    const answers = await runs(schema, 'query ($limit: Int!) { claims(limit: $limit) { id } }', { limit: 'many' }, 2);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]!.data).toBeUndefined();
    expect(answers[0]!.errors![0]!.message).toMatch(/^Variable "\$limit" got invalid value "many"/);
    expect(answers[0]!.errors![0]!.nodes?.[0]?.kind).toBe('VariableDefinition');
  });
});

describe('compiled execution in the API', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login();
  });
  afterAll(() => t?.close());

  it('answers the same query the same way every time: data, error codes, variable refusals', async () => {
    const claim = await aClaim(t.app.orm.em.fork());
    const query = 'query ($id: ID!) { claim(id: $id) { id number status device { imei } events { type } } }';
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const { data, errors } = await t.gql(query, { id: String(claim.id) }, admin);
      answers.push({ data, errors });
    }
    expect(answers[0]!.data).toMatchObject({ claim: { id: String(claim.id), number: claim.number } });
    expect(answers.slice(1)).toEqual([answers[0], answers[0]]);

    const missing = [];
    for (let i = 0; i < 3; i++) missing.push(await t.gql(query, { id: '99999999' }, admin));
    for (const answer of missing) expect(answer.errors?.[0]).toMatchObject({ path: ['claim'], extensions: { code: 'NOT_FOUND' } });

    for (let i = 0; i < 3; i++) {
      const refused = await t.gql(query, { id: { not: 'an id' } }, admin);
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
