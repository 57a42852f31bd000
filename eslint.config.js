import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Prisma's delegates are the models of the schema, camelCased (Case → case); read from the schema so a
// new model is covered without touching this file.
const PRISMA_DELEGATES = [...readFileSync(new URL('./prisma/schema.prisma', import.meta.url), 'utf8').matchAll(/^model (\w+)/gmu)].map(
  ([, name]) => name.charAt(0).toLowerCase() + name.slice(1),
);
const PRISMA_MEMBER = `/^(${[...PRISMA_DELEGATES, '\\$queryRaw', '\\$queryRawUnsafe', '\\$executeRaw', '\\$executeRawUnsafe', '\\$transaction'].join('|')})$/u`;
const PRISMA_HANDLE = '/^(tx|db|prisma)$/u';
const PERSISTENCE_MESSAGE = 'Persistence goes through src/db (repositories, inTransaction): use cases, jobs, routes and the bot do not speak Prisma.';

export default tseslint.config(
  { ignores: ['node_modules/', 'src/db/generated/', 'data/', 'test-artifacts/'] },
  { files: ['eslint.config.js'], languageOptions: { globals: { URL: 'readonly' } } },
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
    // Use cases, jobs, routes, workers, the bot and the sandbox reach the database only through src/db.
    files: ['src/**/*.ts'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `MemberExpression[object.name=${PRISMA_HANDLE}][property.name=${PRISMA_MEMBER}]`, message: PERSISTENCE_MESSAGE },
        { selector: `MemberExpression[object.property.name=${PRISMA_HANDLE}][property.name=${PRISMA_MEMBER}]`, message: PERSISTENCE_MESSAGE },
      ],
    },
  },
  {
    // The conversation layer (src/bot) sits on top: nothing below it imports it.
    files: ['src/use-cases/**/*.ts', 'src/jobs/**/*.ts', 'src/db/**/*.ts', 'src/workers/**/*.ts', 'src/http/**/*.ts', 'src/messages/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/bot/**'] }] },
  },
);
