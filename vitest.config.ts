import { configDefaults, defineConfig } from 'vitest/config';

// The suite in projects, by what a test file needs (read from its imports):
//   unit     pure code: no database, no child process, no server. `npm run test:unit`, seconds.
//   db       opens a database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), no HTTP
//            (data-dir-lock also opens the folder from a second process: that is its subject).
//   e2e      listens on a port (the bot, the fake WeCom API) or starts child processes.
//   browser  drives Chromium (`pretest` makes sure it is installed).
// `npm test` runs all four. A test file that matches none of the lists below is a unit test, so
// every file runs somewhere; one that needs a database, a server or a process belongs in a list
// (the unit project's setup file fails it otherwise). `npm run test:unit` also passes --no-isolate:
// the pure tests then share one module cache per worker, about twice as fast; `npm test` still runs
// each unit file in a fresh module graph, so a test that leans on another file's state shows there.
const DB = ['test/db/**/*.test.ts'];
const E2E = [
  'test/e2e/**/*.test.ts',
  'test/jobs/two-instances.test.ts',
  'test/jobs/two-processes.test.ts',
  'test/workers/outbox-send-limits.test.ts',
  'test/wecom/api-client.test.ts',
  'test/wecom/contacts-api.test.ts',
  'test/wecom/fake-wecom-server.test.ts',
  'test/wecom/fake-faults.test.ts',
  'test/domain/calendar/vectors-timezone.test.ts',
];
const BROWSER = ['test/**/*.browser.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Database tests each create their own database; two workers keep a 2-core machine responsive.
    // One value for all projects: vitest runs them side by side in one pool.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...DB, ...E2E, ...BROWSER],
          // Fails a unit test that starts a process, listens on a port or connects to a server.
          setupFiles: ['test/support/unit-guard.ts'],
        },
      },
      { extends: true, test: { name: 'db', include: DB } },
      { extends: true, test: { name: 'e2e', include: E2E, exclude: [...configDefaults.exclude, ...BROWSER] } },
      { extends: true, test: { name: 'browser', include: BROWSER } },
    ],
  },
});
