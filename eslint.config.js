// Lint: typescript-eslint's recommended rules plus the process boundaries from STYLE.md,
// enforced per folder with no-restricted-imports.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { archiveAreasPlugin } from './main/tools/archive-areas.mjs'

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run without Node.' }

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
      'node_modules/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['main/**', 'test/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**/*.mjs', 'main/**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['**/main/**', 'electron'],
              message: 'The renderer talks to main only through window.quire.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            nodeBuiltins,
            {
              group: ['electron', 'react', '**/main/**', '**/renderer/**'],
              message: 'shared/ imports nothing from either side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/api/**', 'main/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', '**/renderer/**', '**/app/**'],
              message: 'The archive engine knows nothing of Electron or React.',
            },
          ],
        },
      ],
    },
  },
  {
    // The archive engine: no Electron, React or transport (HTTP, IPC, CLI) inside it, and its
    // areas keep to each other's public modules in one direction (main/tools/archive-areas.mjs).
    files: ['main/archive/**'],
    plugins: { quire: archiveAreasPlugin },
    rules: {
      'quire/archive-areas': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: ['http', 'node:http', 'https', 'node:https', 'http2', 'node:http2'].map(
            (name) => ({
              name,
              // Reason phrases only (net/net-errors.ts); serving HTTP is main/serve's job.
              allowImportNames: ['STATUS_CODES'],
              message: 'The archive engine serves nothing over HTTP: that is main/serve.',
            }),
          ),
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', '**/renderer/**'],
              message: 'The archive engine knows nothing of Electron or React.',
            },
            {
              group: ['**/app/**', '**/serve/**', '**/cli/**', '**/api/**'],
              message: 'The transports call the archive (through service.ts), never the reverse.',
            },
          ],
        },
      ],
    },
  },
)
