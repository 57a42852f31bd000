// Prisma 7 CLI config. Migrations run through Prisma's WASM schema engine at start-up (src/db/schema-engine.ts);
// the CLI here is used only for `prisma generate`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
