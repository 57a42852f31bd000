/**
 * What an operator reads in the log (and on /healthz) when WeCom refuses the app's setup. English, with
 * the admin console's own Chinese names so the operator finds the place (docs/PROTOCOL.md §10).
 */
export function wecomSetupFix(errcode: number): string {
  switch (errcode) {
    case 60020:
      return "Add this server's public IP address to the app's 企业可信IP (管理后台 → 应用管理 → the app → 企业可信IP); WeCom applies it after about a minute.";
    case 40001:
    case 40091:
      return "WECOM_SECRET is not the app's current Secret (管理后台 → 应用管理 → the app → Secret, 查看): set it and restart. Repeated bad secrets make WeCom block this IP for an hour.";
    case 40013:
      return 'WECOM_CORP_ID is not the corp id (管理后台 → 我的企业 → 企业信息 → 企业ID): set it and restart.';
    case 40056:
      return "WECOM_AGENT_ID is not this app's AgentId (管理后台 → 应用管理 → the app): set it and restart.";
    case 48002:
      return 'The app may not call this API: check that it is enabled and allowed to send messages (管理后台 → 应用管理 → the app, and its 可见范围).';
    case 41001:
      return 'The request carried no access token: check WECOM_API_BASE and any proxy between this server and WeCom.';
    default:
      return errcode >= 400 && errcode < 500
        ? `The WeCom API host answered HTTP ${errcode}: check WECOM_API_BASE (normally https://qyapi.weixin.qq.com) and any proxy.`
        : `WeCom refused the app's setup with errcode ${errcode}: see the global error codes (developer.work.weixin.qq.com/document/path/90313).`;
  }
}
