// @ts-check
import tseslint from 'typescript-eslint';

/** Folder boundaries from ../shared/design/architecture.md, enforced on imports. */
const NODE_BUILTINS = { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' };
const ELECTRON = { name: 'electron', message: 'Only electron/shell/ may import electron; the core must run under plain Node.' };

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [ELECTRON],
          patterns: [NODE_BUILTINS, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing outside shared/.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [ELECTRON], patterns: [NODE_BUILTINS, { group: ['**/electron/**'], message: 'The renderer talks to the core only through the MonitorApi.' }] },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ELECTRON], patterns: [{ group: ['**/renderer/**'], message: 'The core never imports the renderer.' }] }],
    },
  },
  {
    // Test clients read arbitrary JSON replies; typing every SCIM body would only restate the assertions.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Vitest reporters and config files are loaded by name and must export a default; a module declaration mirrors one.
    files: ['tests/support/*-reporter.ts', '*.config.ts', '*.config.js', 'bench/*.d.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
