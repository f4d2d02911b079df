import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['db/**/*.ts', 'electron/**/*.ts', 'test/**/*.ts', '*.config.{ts,mjs}', 'build/**/*.mjs', 'db/cli/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // DESIGN.md: the engine never imports Electron or React.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'zustand', '**/electron/**', '**/renderer/**'],
              message: 'db/ must not depend on Electron, React or the renderer',
            },
          ],
        },
      ],
    },
  },
  {
    // DESIGN.md: the renderer imports only *types* of the API contract, and nothing from Node.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/**', '**/db'],
              allowTypeImports: true,
              message: 'the renderer may import only types from db/',
            },
            {
              group: ['**/electron/**', 'electron', 'better-sqlite3', 'node:*'],
              message: 'the renderer runs in a sandboxed page',
            },
          ],
        },
      ],
    },
  },
  {
    // common/: pure string and data code shared by the renderer and the engine (the SVG writer, charts, the
    // palette): no Node, no DOM, no React, and only types from db/, so both sides may import it.
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/**', '**/db'], allowTypeImports: true, message: 'common/ may import only types from db/' },
            {
              group: ['**/electron/**', '**/renderer/**', 'electron', 'react', 'react-dom', 'zustand', 'node:*'],
              message: 'common/ is shared by the renderer and the engine: no Node, Electron or React',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/cli/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
