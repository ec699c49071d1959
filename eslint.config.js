import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import security from 'eslint-plugin-security';
import globals from 'globals';
import moduleBoundaries from './eslint-rules/module-boundaries.js';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'sdk/src/generated/**',
      'sdk/dist/**',
      'server/dist*/**',
      'admin/dist*/**',
      '.chorecat/**',
      '**/admin-bundle/**',
      '.adminjs/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  security.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { chorecat: { rules: { 'module-boundaries': moduleBoundaries } } },
    rules: {
      'chorecat/module-boundaries': 'error',
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-duplicate-imports': 'error',
      // Object keys here come from our own code and spec, not from users.
      'security/detect-object-injection': 'off',
      // Paths are built from our own folders, never from request input.
      'security/detect-non-literal-fs-filename': 'off',
    },
  },
  {
    files: [
      'server/test/**',
      'server/src/**/test/**',
      'sdk/test/**',
      'bench/**',
      'examples/**',
      'sdk/scripts/**',
      'server/scripts/**',
      'admin/scripts/**',
      'eslint-rules/**',
    ],
    rules: {
      'no-console': 'off',
      'security/detect-child-process': 'off',
      'security/detect-non-literal-regexp': 'off',
      // Unit tests exercise a module's pure domain/ directly; only production code must use the door.
      'chorecat/module-boundaries': 'off',
    },
  },
  {
    // Tests beside their code keep the door rule (the rule itself opens a module's own internals to them).
    files: ['server/src/**/test/**'],
    rules: { 'chorecat/module-boundaries': 'error' },
  },
  {
    // The client web example runs in the browser.
    files: ['examples/client-web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['admin/src/components/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
