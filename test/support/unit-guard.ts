/**
 * Setup file of the `unit` project (vitest.config.ts): a unit test that starts a child process,
 * listens on a port or opens a network connection (PostgreSQL, HTTP) fails at once, saying where
 * such a test belongs. That keeps `npm run test:unit` fast as the suite grows.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';

const MOVE = 'is not a unit test: list its file under db or e2e in vitest.config.ts';
const GUARDED = Symbol.for('xn.unitGuard');

if (!(globalThis as Record<symbol, unknown>)[GUARDED]) {
  (globalThis as Record<symbol, unknown>)[GUARDED] = true;
  for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const) {
    Object.defineProperty(childProcess, name, {
      configurable: true,
      writable: true,
      value: () => {
        throw new Error(`A test that starts a child process (child_process.${name}) ${MOVE}.`);
      },
    });
  }
  syncBuiltinESMExports(); // `import { spawn } from 'node:child_process'` sees the guard too
  net.Server.prototype.listen = function listen(): never {
    throw new Error(`A test that listens on a port ${MOVE}.`);
  };
  net.Socket.prototype.connect = function connect(): never {
    throw new Error(`A test that opens a network connection ${MOVE}.`);
  };
}
