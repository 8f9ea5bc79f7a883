/**
 * The typed documents and types generated from schema.graphql and the
 * operations in ./operations (`npm run codegen`). Import from here, never
 * from ./generated directly.
 */
export * from './generated/graphql.js';
/** The type of every generated document, for code that takes any of them. */
export type { TypedDocumentNode } from '@graphql-typed-document-node/core';
