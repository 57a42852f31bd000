import { fileURLToPath } from 'node:url';

/** The demo organization shipped for the sandbox; resolved next to this module so it works from any cwd. */
export const DEMO_ORG_PATH = fileURLToPath(new URL('./demo-org.yaml', import.meta.url));
