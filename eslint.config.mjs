// ESLint flat config (`npm run lint` = `eslint .`).
// - lwc-src/**/*.ts: @salesforce/eslint-config-lwc "recommended" (LWC, platform and Jest rules) parsed
//   by typescript-eslint's parser, plus typescript-eslint "recommended". Rules that TypeScript does
//   better (no-undef, no-unused-vars, no-shadow, no-use-before-define) use the TS-aware versions.
// - scripts/**/*.ts: typescript-eslint "recommended-type-checked" (uses tsconfig.json).
// - Tests (lwc-src/**/__tests__, test-utils/**, scripts/**/*.test.ts): Jest rules and globals.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
// test-utils/: the LWC tests' shared helpers (outside lwc-src, which the build reads as components only).
const LWC_FILES = ['lwc-src/**/*.ts', 'test-utils/**/*.ts'];
const LWC_TEST_FILES = ['lwc-src/**/__tests__/**/*.ts', 'test-utils/**/*.ts'];
const SCRIPT_FILES = ['scripts/**/*.ts'];
// Browser-side workbench code: not in tsconfig.json (Node), so linted without type information.
const BROWSER_SCRIPT_FILES = ['scripts/workbench/app/**/*.ts', 'scripts/workbench/runtime/**/*.ts'];

/** Limits shared configs (which carry no `files`) to the given files. */
const scoped = (configs, files) => configs.map((config) => ({ ...config, files }));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.generated/',
      'force-app/main/default/lwc/',
      'test-results/',
      'coverage/',
      'dist/',
      '.sf/',
      '.sfdx/',
      '.sf-home/',
      // Fixture projects with planted defects for the gate's self-test.
      'scripts/**/__fixtures__/',
      'scripts/**/fixtures/'
    ]
  },
  { linterOptions: { reportUnusedDisableDirectives: 'warn' } },

  // Config files at the root (CommonJS / ESM JavaScript run by Node).
  {
    files: ['*.js', '*.cjs'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  },
  {
    files: ['*.mjs'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'module', globals: { ...globals.node } }
  },

  // Hand-written platform declarations.
  ...scoped(tseslint.configs.recommended, ['types/**/*.d.ts']),

  // Lightning web components (TypeScript).
  ...scoped(lwcConfig.configs.recommended, LWC_FILES),
  ...scoped(tseslint.configs.recommended, LWC_FILES),
  {
    files: LWC_FILES,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { sourceType: 'module', ecmaVersion: 'latest' },
      globals: { ...globals.browser }
    },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'no-undef': 'off',
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_' }],
      'no-shadow': 'off',
      '@typescript-eslint/no-shadow': 'error',
      'no-use-before-define': 'off',
      '@typescript-eslint/no-use-before-define': ['error', { functions: false, typedefs: false }],
      'no-useless-constructor': 'off',
      '@typescript-eslint/no-useless-constructor': 'error',
      // eslint-plugin-import cannot resolve platform modules (lwc, lightning/*, @salesforce/*, c/*).
      'import/named': 'off',
      'import/namespace': 'off',
      'import/default': 'off',
      'import/export': 'off'
    }
  },
  {
    files: LWC_TEST_FILES,
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.jest, ...globals.node, ...globals.browser } },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      // Tests mock modules with require() inside jest.mock factories (the lwc-recipes pattern).
      '@typescript-eslint/no-require-imports': 'off',
      // Tests may wait with setTimeout (flushPromises); the rule guards components, not tests.
      '@lwc/lwc/no-async-operation': 'off'
    }
  },

  // Node scripts (TypeScript, type-aware).
  ...scoped(tseslint.configs.recommendedTypeChecked, SCRIPT_FILES).map((config) => ({
    ...config,
    ignores: BROWSER_SCRIPT_FILES
  })),
  {
    files: SCRIPT_FILES,
    ignores: BROWSER_SCRIPT_FILES,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: rootDir },
      globals: { ...globals.node }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  ...scoped(tseslint.configs.recommended, BROWSER_SCRIPT_FILES),
  {
    files: BROWSER_SCRIPT_FILES,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['scripts/**/*.test.ts'],
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.jest } }
  }
);
