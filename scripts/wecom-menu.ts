// npm run wecom:menu [-- --print]
// Installs the app's menu (登记 | 我的待办 | 更多) through menu/create, with the WeCom settings the bot
// uses (environment or .env). The menu is checked against WeCom's limits first (docs/PROTOCOL.md §8.1):
// a broken one is not sent and every problem is printed. Without WECOM_CORP_ID (sandbox mode), or with
// --print, it only prints the JSON it would send.
// Exit codes: 0 installed (or printed), 1 refused by the check or by WeCom, 2 bad configuration.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../src/config.ts';
import { buildAppMenu, MENU_SCRIPT_TEXTS as T } from '../src/messages/app-menu.ts';
import { createWeComApiClient } from '../src/wecom/api-client.ts';
import { menuViolations } from '../src/wecom/menu-limits.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(2);
}

const menu = buildAppMenu(config.publicBaseUrl);
const problems = menuViolations(menu);
if (problems.length > 0) {
  console.error(T.invalid(problems));
  process.exit(1);
}
if (!config.wecom || process.argv.includes('--print')) {
  if (!config.wecom) console.log(T.sandbox);
  console.log(JSON.stringify(menu, null, 2));
  process.exit(0);
}
const { wecom } = config;
const api = createWeComApiClient({ baseUrl: wecom.apiBase, corpId: wecom.corpId, secret: wecom.secret, agentId: wecom.agentId });
try {
  await api.createMenu(menu);
} catch (err) {
  console.error(T.failed(err instanceof Error ? err.message : String(err)));
  process.exit(1);
}
console.log(T.installed(wecom.agentId, menu));
