/**
 * The decrypted XML of WeCom's system events (FromUserName "sys"), as WeCom sends them: the fake WeCom
 * fires them and tests post them. Shapes from 96302 (change_contact) and 91815 (sys_approval_change).
 */
export interface ContactChangeXmlFields {
  toUser: string;
  createTime: number;
  changeType: 'create_user' | 'update_user' | 'delete_user' | 'create_party' | 'update_party' | 'delete_party';
  userId?: string;
  newUserId?: string;
  /** Departments of a member (create_user/update_user), comma-separated in the XML. */
  departments?: number[];
  /** The department of a *_party change. */
  departmentId?: number;
}

export function buildContactChangeXml(f: ContactChangeXmlFields): string {
  return (
    `<xml><ToUserName>${cdata(f.toUser)}</ToUserName><FromUserName>${cdata('sys')}</FromUserName>` +
    `<CreateTime>${f.createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('change_contact')}</Event>` +
    `<ChangeType>${cdata(f.changeType)}</ChangeType>` +
    (f.userId !== undefined ? `<UserID>${cdata(f.userId)}</UserID>` : '') +
    (f.newUserId !== undefined ? `<NewUserID>${cdata(f.newUserId)}</NewUserID>` : '') +
    (f.departments !== undefined ? `<Department>${cdata(f.departments.join(','))}</Department>` : '') +
    (f.departmentId !== undefined ? `<Id>${f.departmentId}</Id>` : '') +
    `</xml>`
  );
}

export interface ApprovalChangeXmlFields {
  toUser: string;
  createTime: number;
  spNo: string;
  spName: string;
  spStatus: number;
  templateId: string;
  applicant: string;
  /** The 审批 app's AgentID, which is what these events carry (not the receiving app's). */
  agentId?: number;
}

export function buildApprovalChangeXml(f: ApprovalChangeXmlFields): string {
  return (
    `<xml><ToUserName>${cdata(f.toUser)}</ToUserName><FromUserName>${cdata('sys')}</FromUserName>` +
    `<CreateTime>${f.createTime}</CreateTime><MsgType>${cdata('event')}</MsgType><Event>${cdata('sys_approval_change')}</Event>` +
    `<AgentID>${f.agentId ?? 3010040}</AgentID><ApprovalInfo><SpNo>${f.spNo}</SpNo><SpName>${cdata(f.spName)}</SpName>` +
    `<SpStatus>${f.spStatus}</SpStatus><TemplateId>${cdata(f.templateId)}</TemplateId><ApplyTime>${f.createTime}</ApplyTime>` +
    `<Applyer><UserId>${cdata(f.applicant)}</UserId><Party>${cdata('1')}</Party></Applyer></ApprovalInfo></xml>`
  );
}

function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
