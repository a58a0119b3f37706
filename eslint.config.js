// Lint: typescript-eslint's recommended rules plus the process boundaries from STYLE.md,
// enforced per folder with no-restricted-imports, and the renderer's layers (ui -> features ->
// app) the same way.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { archiveAreasPlugin } from './main/tools/archive-areas.mjs'

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run without Node.' }

const rendererPatterns = [
  nodeBuiltins,
  {
    group: ['**/main/**', 'electron'],
    message: 'The renderer talks to main only through window.quire.',
  },
]

/** The renderer's feature folders (renderer/src/<feature>/), each with a public index.ts. */
const FEATURES = [
  'library',
  'reader',
  'annotations',
  'notebook',
  'tags',
  'search',
  'import',
  'export',
  'feeds',
  'settings',
]

/**
 * The renderer's layers, ui -> features -> app: ui/ and api/ import no feature and not app/;
 * a feature imports another only through its index.ts and never app/; nothing reaches outside
 * renderer/src but to shared/. Import paths are relative, so each rule is written per depth
 * below renderer/src (a file at depth d climbs d times to renderer/src, d + 2 to the root).
 */
function rendererLayers() {
  const ups = (n) => '(\\.\\./){' + n + '}'
  const pattern = (regex, message) => ({ regex, message })
  const blocks = []
  for (let depth = 1; depth <= 3; depth++) {
    const files = (folder) => [`renderer/src/${folder}/${'*/'.repeat(depth - 1)}*`]
    const outside = pattern(
      `^${ups(depth + 1)}(?!\\.\\./shared/)`,
      'The renderer imports nothing outside renderer/src but shared/.',
    )
    const noApp = pattern(`^${ups(depth)}app/`, 'Only main.tsx imports app/: it composes features.')
    const internals = (others) =>
      pattern(
        `^${ups(depth)}(${others.join('|')})/(?!index\\.ts$).*\\.tsx?$`,
        'Import another feature through its index.ts (its public API), never its files.',
      )
    for (const feature of FEATURES) {
      const others = FEATURES.filter((f) => f !== feature)
      blocks.push({
        files: files(feature),
        rules: {
          'no-restricted-imports': [
            'error',
            { patterns: [...rendererPatterns, outside, noApp, internals(others)] },
          ],
        },
      })
    }
    blocks.push({
      files: files('app'),
      rules: {
        'no-restricted-imports': [
          'error',
          { patterns: [...rendererPatterns, outside, internals(FEATURES)] },
        ],
      },
    })
    for (const layer of ['ui', 'api']) {
      blocks.push({
        files: files(layer),
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                ...rendererPatterns,
                outside,
                pattern(
                  `^${ups(depth)}(${[...FEATURES, 'app', ...(layer === 'api' ? ['ui'] : [])].join('|')})/`,
                  `${layer}/ is below the features: it imports none of them, nor app/.`,
                ),
              ],
            },
          ],
        },
      })
    }
  }
  blocks.push({
    files: ['renderer/src/*.ts', 'renderer/src/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            pattern(
              '^\\.\\./\\.\\./(?!shared/)',
              'The renderer imports nothing outside renderer/src but shared/.',
            ),
            pattern(
              `^\\./(${FEATURES.join('|')})/(?!index\\.ts$).*\\.tsx?$`,
              'Import a feature through its index.ts (its public API), never its files.',
            ),
          ],
        },
      ],
    },
  })
  return blocks
}

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
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  ...rendererLayers(),
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
