import { isCalendarDate } from '@aftersale/domain';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseLocalDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw new GraphQLError(`LocalDate must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      // A request error (400; 200 for an application/json client), not a server fault: Apollo answered 500 without it.
      extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
    });
  }
  return value;
}

/** A calendar date `YYYY-MM-DD` with no time zone: how POLICY.md speaks of dates. */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: (value) => parseLocalDate(value),
  parseValue: parseLocalDate,
  parseLiteral: (ast) => parseLocalDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
