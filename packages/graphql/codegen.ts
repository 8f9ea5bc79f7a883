import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * schema.graphql (emitted from the API's resolvers) + the operations in
 * src/operations → typed documents in src/generated, imported by the console
 * and the end-to-end tests alike. `npm run codegen:check` fails when the
 * committed files are stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: {
        // Fragments are for sharing selections, not for hiding fields from
        // components: react-admin hands whole records around.
        fragmentMasking: false,
        // src/index.ts is the package's one entry; the preset's own index would be a second, unused one.
        skipIndexFile: true,
      },
      config: {
        // The generated files are compiled by tsc with NodeNext resolution.
        emitLegacyCommonJSImports: false,
        useTypeImports: true,
        // `ClaimStatus.SUBMITTED` at run time, `ClaimStatus` as a union type.
        enumType: 'const',
        // Enum members as the schema spells them: ClaimStatus.AWAITING_AGREEMENT.
        namingConvention: { enumValues: 'keep' },
        strictScalars: true,
        scalars: {
          LocalDate: 'string',
          DateTimeISO: 'string',
          JSONObject: 'Record<string, unknown>',
        },
        // Plain AST objects typed as TypedDocumentNode: Apollo Client (under
        // ra-data-graphql) and graphql-js's print() both take them as is.
        documentMode: 'documentNode',
      },
    },
  },
};

export default config;
