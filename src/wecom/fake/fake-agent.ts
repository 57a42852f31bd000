/** agent/get of the fake (90227): the app's name and its visible range (可见范围). */
export interface FakeAgent {
  name?: string;
  visibleUsers?: string[];
  visibleParties?: number[];
  visibleTags?: number[];
  /** 1 when the app is disabled. */
  close?: 0 | 1;
}

export function agentInfo(agentId: number, agent: FakeAgent = {}): Record<string, unknown> {
  return {
    agentid: agentId,
    name: agent.name ?? 'fake app',
    square_logo_url: '',
    description: '',
    allow_userinfos: { user: (agent.visibleUsers ?? []).map((userid) => ({ userid })) },
    allow_partys: { partyid: agent.visibleParties ?? [1] },
    allow_tags: { tagid: agent.visibleTags ?? [] },
    close: agent.close ?? 0,
    redirect_domain: '',
    report_location_flag: 0,
    isreportenter: 0,
    home_url: '',
  };
}
