import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'src/db/generated/', 'data/', 'test-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // Tests read JSON answers whose shape is what they assert.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The import rules of ARCHITECTURE.md: the rules know nothing of WeCom, Koa or the database.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/wecom/**', '**/db/**', '**/http/**', '**/messages/**', 'koa', '@prisma/*', 'pg'] }],
    },
  },
  {
    // The conversation layer (src/bot) sits on top: nothing below it imports it.
    files: ['src/use-cases/**/*.ts', 'src/jobs/**/*.ts', 'src/db/**/*.ts', 'src/workers/**/*.ts', 'src/http/**/*.ts', 'src/messages/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/bot/**'] }] },
  },
);
