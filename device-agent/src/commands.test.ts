import { describe, expect, it } from 'vitest';
import { planCommand, type CommandPlan } from './commands.js';
import type { AgentOs } from './platform.js';

function steps(os: AgentOs, action: string, args: object = {}): CommandPlan['steps'] {
  const result = planCommand(os, action, JSON.stringify(args));
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.plan.steps;
}

function refusal(os: AgentOs, action: string, argumentsText: string): string {
  const result = planCommand(os, action, argumentsText);
  if (result.ok) throw new Error('accepted');
  return result.reason;
}

const PASSWORD = 'Tmp-9f3k!x2Q';

describe('the Windows table', () => {
  it('has the documented programs and arguments', () => {
    expect(steps('WINDOWS', 'RESTART')).toEqual([{ file: 'shutdown', args: ['/r', '/t', '0'] }]);
    expect(steps('WINDOWS', 'LOCK')).toEqual([{ file: 'rundll32.exe', args: ['user32.dll,LockWorkStation'] }]);
    expect(steps('WINDOWS', 'SHUT_DOWN')).toEqual([{ file: 'shutdown', args: ['/s', '/t', '0'] }]);
    expect(steps('WINDOWS', 'LOG_OFF')).toEqual([{ file: 'shutdown', args: ['/l'] }]);
    expect(steps('WINDOWS', 'RESET_PASSWORD', { userName: 'anna', password: PASSWORD })).toEqual([
      { file: 'net', args: ['user', 'anna', PASSWORD] },
      { file: 'net', args: ['user', 'anna', '/logonpasswordchg:yes'] },
    ]);
    expect(steps('WINDOWS', 'INSTALL_SOFTWARE', { packageId: 'googlechrome', cask: false })).toEqual([{ file: 'choco', args: ['install', 'googlechrome', '-y', '--no-progress'] }]);
  });
});

describe('the macOS table', () => {
  it('has the documented programs and arguments', () => {
    expect(steps('MACOS', 'RESTART')).toEqual([{ file: 'shutdown', args: ['-r', 'now'] }]);
    expect(steps('MACOS', 'LOCK')).toEqual([{ file: 'pmset', args: ['displaysleepnow'] }]);
    expect(steps('MACOS', 'SHUT_DOWN')).toEqual([{ file: 'shutdown', args: ['-h', 'now'] }]);
    expect(steps('MACOS', 'RESET_PASSWORD', { userName: 'anna', password: PASSWORD })).toEqual([
      { file: 'sysadminctl', args: ['-resetPasswordFor', 'anna', '-newPassword', PASSWORD] },
      { file: 'pwpolicy', args: ['-u', 'anna', '-setpolicy', 'newPasswordRequired=1'] },
    ]);
    expect(steps('MACOS', 'INSTALL_SOFTWARE', { packageId: 'wget', cask: false })).toEqual([{ file: 'brew', args: ['install', 'wget'] }]);
    expect(steps('MACOS', 'INSTALL_SOFTWARE', { packageId: 'firefox', cask: true })).toEqual([{ file: 'brew', args: ['install', '--cask', 'firefox'] }]);
  });

  it('signs out the console user, or a named one, by the uid found at run time', () => {
    expect(steps('MACOS', 'LOG_OFF')).toEqual([
      { file: 'stat', args: ['-f', '%u', '/dev/console'], capturesUid: true },
      { file: 'launchctl', args: ['bootout', 'gui/{uid}'] },
    ]);
    expect(steps('MACOS', 'LOG_OFF', { userName: 'anna' })).toEqual([
      { file: 'id', args: ['-u', 'anna'], capturesUid: true },
      { file: 'launchctl', args: ['bootout', 'gui/{uid}'] },
    ]);
  });
});

describe('the Linux table', () => {
  it('has the documented programs and arguments', () => {
    expect(steps('LINUX', 'RESTART')).toEqual([{ file: 'systemctl', args: ['reboot'] }]);
    expect(steps('LINUX', 'LOCK')).toEqual([{ file: 'loginctl', args: ['lock-sessions'] }]);
    expect(steps('LINUX', 'SHUT_DOWN')).toEqual([{ file: 'systemctl', args: ['poweroff'] }]);
    expect(steps('LINUX', 'LOG_OFF', { userName: 'anna' })).toEqual([{ file: 'loginctl', args: ['terminate-user', 'anna'] }]);
    expect(steps('LINUX', 'LOG_OFF')).toEqual([{ file: 'loginctl', args: ['terminate-seat', 'seat0'] }]);
    expect(steps('LINUX', 'RESET_PASSWORD', { userName: 'anna', password: PASSWORD })).toEqual([
      { file: 'chpasswd', args: [], stdin: `anna:${PASSWORD}\n` },
      { file: 'passwd', args: ['-e', 'anna'] },
    ]);
  });

  it('does not offer INSTALL_SOFTWARE', () => {
    expect(refusal('LINUX', 'INSTALL_SOFTWARE', '{"packageId":"curl","cask":false}')).toBe('INSTALL_SOFTWARE is not offered on Linux');
  });
});

describe('a plan', () => {
  it('carries the temporary password as its secret, and nothing else does', () => {
    const reset = planCommand('LINUX', 'RESET_PASSWORD', JSON.stringify({ userName: 'anna', password: PASSWORD }));
    expect(reset.ok && reset.plan.secret).toBe(PASSWORD);
    const restart = planCommand('LINUX', 'RESTART', '{}');
    expect(restart.ok && restart.plan.secret).toBeUndefined();
  });
});

describe('argument checks', () => {
  it('refuses user names that are not names', () => {
    for (const userName of ['-rf', 'a;b', '../etc', 'a b', '', 'x'.repeat(65), '$(id)']) {
      expect(refusal('LINUX', 'LOG_OFF', JSON.stringify({ userName }))).toBe('userName is not a valid user name');
    }
    expect(refusal('WINDOWS', 'RESET_PASSWORD', JSON.stringify({ userName: 7, password: PASSWORD }))).toBe('userName is not a valid user name');
  });

  it('refuses package ids that are not ids', () => {
    for (const packageId of ['../x', '-y', 'a/b', 'a b', 'x'.repeat(101), '']) {
      expect(refusal('WINDOWS', 'INSTALL_SOFTWARE', JSON.stringify({ packageId, cask: false }))).toBe('packageId is not a valid package id');
    }
  });

  it('wants cask to be a boolean, and only on macOS', () => {
    expect(refusal('MACOS', 'INSTALL_SOFTWARE', '{"packageId":"firefox","cask":"yes"}')).toBe('cask must be true or false');
    expect(refusal('WINDOWS', 'INSTALL_SOFTWARE', '{"packageId":"firefox","cask":true}')).toBe('cask is for macOS only');
  });

  it('refuses unexpected keys', () => {
    expect(refusal('LINUX', 'RESTART', '{"delay":5}')).toBe('unexpected arguments: delay');
    expect(refusal('MACOS', 'INSTALL_SOFTWARE', '{"packageId":"wget","cask":false,"tap":"x"}')).toBe('unexpected arguments: tap');
  });

  it('needs a user name and a sound temporary password to reset one', () => {
    expect(refusal('LINUX', 'RESET_PASSWORD', JSON.stringify({ password: PASSWORD }))).toBe('userName is not a valid user name');
    for (const password of [undefined, 'short', 'x'.repeat(129), 'line\nbreak1', '/delete-me', '-dashfirst', 'ünïcödé-pw', ' leading-space']) {
      expect(refusal('WINDOWS', 'RESET_PASSWORD', JSON.stringify({ userName: 'anna', password }))).toBe('password must be 8 to 128 printable characters');
    }
  });

  it('refuses unknown actions and arguments that are not a JSON object', () => {
    expect(refusal('LINUX', 'FORMAT_DISK', '{}')).toBe('unknown action "FORMAT_DISK"');
    expect(refusal('LINUX', 'RESTART', 'not json')).toBe('arguments are not JSON');
    expect(refusal('LINUX', 'RESTART', '[]')).toBe('arguments are not a JSON object');
    expect(refusal('LINUX', 'RESTART', 'null')).toBe('arguments are not a JSON object');
  });

  it('does not sign out a named user on Windows (shutdown /l only knows the console session)', () => {
    expect(refusal('WINDOWS', 'LOG_OFF', '{"userName":"anna"}')).toBe('LOG_OFF of a named user is not offered on Windows');
  });
});
