// Shared lint rules for every package. Type-aware so that floating promises are caught.
import js from '@eslint/js'
import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)]

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/.next/**', '**/node_modules/**', '**/.turbo/**', '**/next-env.d.ts', '**/*.config.*', '**/importMap.js', '**/payload-types.ts', '**/migrations/*.json'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Temporal workflow code runs in a deterministic sandbox: no Node builtins, no activity code.
    files: ['**/src/workflows/**/*.ts'],
    rules: {
      // The TypeScript variant, so that `import type` of activities stays allowed.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code is sandboxed: do I/O in an activity.' })),
          patterns: [{ group: ['**/activities', '**/activities/*'], message: 'Import activity types only (import type).', allowTypeImports: true }],
        },
      ],
    },
  },
)
