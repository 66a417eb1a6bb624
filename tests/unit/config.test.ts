import { describe, expect, it } from 'vitest';
import { tokenMatches } from '../../src/api/guards.ts';
import { loadConfig } from '../../src/config.ts';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
};

describe('configuration at start-up', () => {
  it('refuses a whitespace-only or spaced API_TOKEN instead of silently leaving writes open', () => {
    expect(codeOf(() => loadConfig({ API_TOKEN: ' ' }))).toBe('CONFIG_INVALID');
    expect(codeOf(() => loadConfig({ API_TOKEN: '          ' }))).toBe('CONFIG_INVALID');
    expect(codeOf(() => loadConfig({ API_TOKEN: ' long-enough-token ' }))).toBe('CONFIG_INVALID');
    expect(codeOf(() => loadConfig({ API_TOKEN: 'short' }))).toBe('CONFIG_INVALID');
  });

  it('treats an empty API_TOKEN as unset and keeps a real one', () => {
    expect(loadConfig({ API_TOKEN: '' }).API_TOKEN).toBeUndefined();
    expect(loadConfig({ API_TOKEN: 'long-enough-token' }).API_TOKEN).toBe('long-enough-token');
  });

  it('allows the bind address and ALLOWED_HOSTS as page hosts, never a wildcard bind', () => {
    expect(loadConfig({ HOST: '0.0.0.0', ALLOWED_HOSTS: 'kg.lan, 10.0.0.5' }).allowedHosts).toEqual([
      'kg.lan',
      '10.0.0.5',
    ]);
    expect(loadConfig({ HOST: 'kg.local' }).allowedHosts).toEqual(['kg.local']);
  });
});

describe('token comparison', () => {
  it('matches only the exact token, whatever the lengths', () => {
    expect(tokenMatches('long-enough-token', 'long-enough-token')).toBe(true);
    expect(tokenMatches('long-enough-toke', 'long-enough-token')).toBe(false);
    expect(tokenMatches('long-enough-tokenx', 'long-enough-token')).toBe(false);
    expect(tokenMatches('', 'long-enough-token')).toBe(false);
  });
});
