/**
 * The app's menu (登记 | 我的待办 | 更多): `click` items carry a command's name as their key, so a tap
 * runs the same handler as typing the command (src/bot/handle-message.ts); 工作台 opens the workbench.
 */
import type { AppMenu } from '../wecom/menu-limits.ts';
import type { CommandName } from './command-texts.ts';

const click = (name: string, key: CommandName) => ({ type: 'click' as const, name, key });

export function buildAppMenu(publicBaseUrl: string): AppMenu {
  return {
    button: [
      click('登记', 'register'),
      click('我的待办', 'todo'),
      {
        name: '更多',
        sub_button: [
          click('请假', 'leave'),
          click('销假', 'endLeave'),
          click('服务指南', 'guide'),
          { type: 'view', name: '工作台', url: `${publicBaseUrl}/app` },
          click('帮助', 'help'),
        ],
      },
    ],
  };
}

/** What `npm run wecom:menu` prints. */
export const MENU_SCRIPT_TEXTS = {
  invalid: (problems: string[]) => `菜单不符合企业微信的限制，未发送：\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  sandbox: '未配置 WECOM_CORP_ID（沙盒模式），菜单未发送。以下是将发送的菜单：',
  installed: (agentId: number, menu: AppMenu) =>
    `已为应用 ${agentId} 安装菜单：${menu.button.map((b) => ('sub_button' in b ? `${b.name}（${b.sub_button.map((s) => s.name).join('、')}）` : b.name)).join(' | ')}。`,
  failed: (detail: string) => `菜单安装失败：${detail}`,
} as const;
