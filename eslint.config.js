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
          allowDefaultProject: ['*.js', '*.ts', 'packages/graphql/codegen.ts', 'apps/console/vite.config.ts'],
          defaultProject: 'tsconfig.base.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: globals.node,
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  {
    files: ['apps/console/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
]);
