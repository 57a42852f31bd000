/** Short, polite answers that are not about one case. */
export const GENERAL = {
  notStaff: '抱歉，您不在本单位的工作人员名单中，暂不能使用此功能。如需办事，请联系相关部室工作人员；如有疑问，请联系办公室。',
  notAllowed: '抱歉，您的岗位不能使用这个命令，未作任何更改。发送“帮助”查看您可以使用的命令。',
  nonText: '您好，目前只能处理文字消息。发送“帮助”可查看可用指令。',
  internalError: (ref: string) => `抱歉，处理您的消息时出现了问题，已记录（编号 ${ref}）。请稍后再试，或联系办公室。`,
} as const;
