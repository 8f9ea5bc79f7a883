// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One lint for the whole repository: `npm run lint`, run by `npm test`.
 * typescript-eslint's type-checked rules read each file's own tsconfig.json
 * (projectService); formatting is Prettier's job (`npm run format`).
 */
export default defineConfig([
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/coverage/**',
    '.nx/**',
    '.data/**',
    'e2e/screenshots/**',
    // Written by GraphQL Code Generator (`npm run codegen`), never by hand.
    'packages/graphql/src/generated/**',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          // Config files that no package's tsconfig.json includes.
          allowDefaultProject: ['*.js', '.*.cjs', '*.ts', 'packages/graphql/codegen.ts', 'apps/console/vite.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: globals.node,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The code reads records keyed by data (`stock['BATTERY']`, `process.env['PORT']`) with brackets, as
      // noPropertyAccessFromIndexSignature would ask; dot notation stays required for declared properties.
      '@typescript-eslint/dot-notation': ['error', { allowIndexSignaturePropertyAccess: true }],
      // A leading underscore marks a value left out on purpose (`const { version: _version, ...rest } = input`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // `header || generated`: an empty string means "not given" for text read from requests and forms.
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
    },
  },

  {
    // dependency-cruiser reads CommonJS configuration files, which load each other with require().
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },

  {
    // The react-admin glue: the data provider hands every method `params` whose `filter`, `data`,
    // `previousData` and `meta` are typed `any` (ra-core's GetListParams, UpdateParams...). These
    // files turn them into the generated GraphQL input types; what they read is checked there.
    files: ['apps/console/src/dataProvider.ts', 'apps/console/src/api/operation.ts', 'apps/console/src/**/*-operations.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
]);
