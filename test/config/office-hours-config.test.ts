import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('OFFICE_HOURS', () => {
  it('defaults to 09:00-17:30 China time', () => {
    expect(loadConfig({}).officeHours).toEqual({ open: '09:00', close: '17:30' });
  });

  it('takes other hours', () => {
    expect(loadConfig({ OFFICE_HOURS: '08:30-18:00' }).officeHours).toEqual({ open: '08:30', close: '18:00' });
  });

  it('names a malformed value together with the other bad variables', () => {
    try {
      loadConfig({ OFFICE_HOURS: '17:30-09:00', PORT: 'eighty' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toContain('OFFICE_HOURS: must be HH:MM-HH:MM');
      expect(problems).toContain('PORT');
    }
  });
});
