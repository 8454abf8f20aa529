import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { seriousViolations } from './accessibility.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, newContext, PHONE, screenshot } from './browser.js';
import { addContact, ASSIGN_DEVICE, createCustomerWithContact, enrollDeviceThroughApi, openSelfService, REPORT_DEVICE_FACTS } from './fixtures.js';
import { hasHorizontalOverflow, signInThroughPortal } from './portal-helpers.js';

const AGENT = ['--import', '@swc-node/register/esm-register', 'device-agent/src/cli.ts'];
const XSS = '<img src=x onerror=window.__xss=1>';

/** One line of the agent's standard output: {"event":"connected"}, {"event":"command",…}. */
type AgentEvent = { event: string; [key: string]: unknown };

/** The real agent (device-agent/src/cli.ts) as a child process, its events read from stdout as they come. */
class AgentProcess {
  readonly events: AgentEvent[] = [];
  stderr = '';
  exitCode: number | null = null;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiters = new Set<() => void>();
  readonly exited: Promise<number | null>;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [...AGENT, ...args], { cwd: process.cwd(), env: { ...process.env } });
    let buffered = '';
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines.filter((text) => text.trim())) {
        try {
          this.events.push(JSON.parse(line) as AgentEvent);
        } catch {
          this.events.push({ event: 'unparsed', line });
        }
      }
      this.notify();
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.exitCode = code;
        this.notify();
        resolve(code);
      }),
    );
  }

  private notify() {
    for (const waiter of this.waiters) waiter();
  }

  /** The first event matching, waiting for it; fails with what the agent printed when it does not come. */
  waitFor(match: (event: AgentEvent) => boolean, timeoutMs = 30_000): Promise<AgentEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(match);
        if (found) return done(() => resolve(found));
        if (this.exitCode !== null) return done(() => reject(new Error(`agent exited with ${this.exitCode}; stdout: ${JSON.stringify(this.events)}; stderr: ${this.stderr}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no such agent event within ${timeoutMs} ms; stdout: ${JSON.stringify(this.events)}; stderr: ${this.stderr}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** SIGTERM, then SIGKILL when it does not stop within a few seconds. */
  async stop(): Promise<void> {
    if (this.exitCode !== null || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
    if (!stopped) this.child.kill('SIGKILL');
  }
}

async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { deviceMarker: number }).deviceMarker = 42));
}

async function marker(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { deviceMarker?: number }).deviceMarker);
}

async function xssRan(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
}

// Devices in both apps (issue: the browser side of Devices), with the real agent as child processes:
// enroll from a token made in the console, watch the device come online and a command go
// QUEUED → DELIVERED → RUNNING → SUCCEEDED without a reload; the contact sees its device in the
// portal; whatever an agent reports is shown as text.
describe('devices (console, portal, real agent)', { timeout: 180_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  let consolePage: Page;
  const contexts: BrowserContext[] = [];
  const agents: AgentProcess[] = [];
  let stateDir: string;
  let stateFile: string;
  let customer: { id: string; name: string };
  let owner: { contactId: string; username: string; password: string; name: string };
  let colleague: { contactId: string; username: string; password: string };
  let deviceId: string;
  let agent: AgentProcess;

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
    const suffix = Math.random().toString(36).slice(2, 8);
    const ownerName = `Dana Device ${suffix}`;
    const created = await createCustomerWithContact(admin, { customerName: `Devices Ltd ${suffix}`, contactName: ownerName, language: 'EN' });
    customer = created.customer;
    owner = { contactId: created.contactId, username: created.username, password: created.password, name: ownerName };
    colleague = await addContact(admin, customer.id, { name: `Colin Colleague ${suffix}`, language: 'EN' });
    await openSelfService(admin);
    stateDir = mkdtempSync(join(tmpdir(), 'portico-agent-e2e-'));
    stateFile = join(stateDir, 'state.json');
    consolePage = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    contexts.push(consolePage.context());
  });

  afterAll(async () => {
    for (const running of agents) await running.stop().catch(() => undefined);
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('enrolls the real agent with a token made in the console, sees it online live, assigns it and restarts it', async () => {
    const page = consolePage;
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('device-table').waitFor();
    await markPage(page);

    // An admin makes a token for the customer in the UI and reads it off the page.
    await page.getByTestId('enroll-device-button').click();
    await page.getByTestId('enroll-customer-search').fill(customer.name);
    await page.getByTestId('enroll-customer-option').filter({ hasText: customer.name }).click();
    expect(await page.getByTestId('enroll-minutes').inputValue()).toBe('15');
    expect(await page.getByTestId('enroll-single-use').isChecked()).toBe(true);
    await page.getByTestId('enroll-submit').click();
    const token = (await page.getByTestId('enrollment-token').textContent())?.trim() ?? '';
    expect(token).toMatch(/^pte_[A-Za-z0-9_-]{20,}$/);
    const command = (await page.getByTestId('enrollment-command').textContent())?.trim();
    expect(command).toBe(`npm run agent -- enroll --server ${portico.url} --token ${token}`);
    expect(await page.getByTestId('enrollment-expires').textContent()).toContain('single use');
    await page.getByTestId('token-row').first().getByTestId('token-row-state').filter({ hasText: 'Usable' }).waitFor();
    // Shown once: gone when the admin is done with it.
    await page.getByTestId('enrollment-done').click();
    expect(await page.getByText(token).count()).toBe(0);

    // The real agent enrolls with it, then runs (simulating commands).
    const enrolling = new AgentProcess(['enroll', '--server', portico.url, '--token', token, '--state', stateFile]);
    agents.push(enrolling);
    const enrolled = await enrolling.waitFor((event) => event.event === 'enrolled', 60_000);
    expect(await enrolling.exited).toBe(0);
    deviceId = String(enrolled.deviceId);
    expect(existsSync(stateFile)).toBe(true);

    // The new device shows up in the open list, offline, without a reload.
    const row = page.locator(`[data-testid="device-row"][data-id="${deviceId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('device-row-customer').textContent()).toBe(customer.name);
    expect(await row.getByTestId('device-row-presence').getAttribute('data-online')).toBe('false');
    // The single-use token is used up.
    await page.getByTestId('token-row').first().getByTestId('token-row-state').filter({ hasText: 'Used' }).waitFor({ timeout: 10_000 });

    agent = new AgentProcess(['run', '--state', stateFile, '--simulate', '--simulate-delay-ms', '1500']);
    agents.push(agent);
    await agent.waitFor((event) => event.event === 'connected', 60_000);
    await row.locator('[data-testid="device-row-presence"][data-online="true"]').waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('device-row-presence-badge').textContent()).toBe('Online');
    expect(await marker(page)).toBe(42);
    const hostname = (await row.getByTestId('device-row-hostname').textContent()) ?? '';
    expect(hostname.length).toBeGreaterThan(0);

    // Filter by customer and search by host name.
    await page.getByTestId('device-filter-customer-search').fill(customer.name);
    await page.getByTestId('device-filter-customer-option').filter({ hasText: customer.name }).click();
    await page.getByTestId('device-search').fill(hostname.slice(0, Math.max(1, hostname.length - 1)));
    await page.waitForFunction((id) => document.querySelectorAll('[data-testid="device-row"]').length === 1 && !!document.querySelector(`[data-testid="device-row"][data-id="${id}"]`), deviceId);
    await page.getByTestId('device-search').fill('no-such-host-anywhere');
    await page.getByTestId('device-table-empty').waitFor();
    await page.getByTestId('device-search').fill('');
    await page.getByTestId('device-filter-customer-clear').click();
    await row.getByTestId('device-row-customer').waitFor();
    expect(await seriousViolations(page, 'console devices')).toEqual([]);
    await screenshot(page, 'devices-console-list');

    // The device page: facts, assign it to the contact.
    await agent.waitFor((event) => event.event === 'facts');
    await row.getByTestId('device-row-hostname').click();
    await page.getByTestId('device-title').waitFor();
    expect(await page.getByTestId('device-title').textContent()).toBe(hostname);
    await page.locator('[data-testid="device-presence"][data-online="true"]').waitFor();
    await page.getByTestId('device-fact-reported').filter({ hasNotText: 'No report yet' }).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('device-fact-os').textContent()).toContain('Linux');
    expect(await page.getByTestId('device-fingerprint').textContent()).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    await page.getByTestId('device-assign-contact-search').fill(owner.name);
    await page.getByTestId('device-assign-contact-option').filter({ hasText: owner.name }).click();
    await page.getByTestId('device-assign').click();
    await page.getByTestId('device-assigned-contact-link').filter({ hasText: owner.name }).waitFor();
    expect(await page.getByTestId('device-assign-contact-search').inputValue()).toBe('');

    // The console offers no password reset, nor installs on Linux.
    const actions = await page.getByTestId('device-command-action-select').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(actions).toEqual(['RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF']);

    // Every status the newest command shows, as it changes on the page (no reload in between).
    await markPage(page);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { commandStatuses: string[] }).commandStatuses = seen;
      const record = () => {
        const status = document.querySelector('[data-testid="device-command"]')?.getAttribute('data-status');
        if (status && seen[seen.length - 1] !== status) seen.push(status);
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    });
    await page.getByTestId('device-command-action-select').selectOption('RESTART');
    await page.getByTestId('device-send-submit').click();
    await page.locator('[data-testid="device-command"][data-status="SUCCEEDED"]').waitFor({ timeout: 30_000 });
    const statuses = await page.evaluate(() => (window as unknown as { commandStatuses: string[] }).commandStatuses);
    expect(statuses).toEqual(['QUEUED', 'DELIVERED', 'RUNNING', 'SUCCEEDED']);
    expect(await marker(page)).toBe(42);
    const done = page.getByTestId('device-command').first();
    expect(await done.getByTestId('device-command-action').textContent()).toBe('Restart');
    expect(await done.getByTestId('device-command-output').textContent()).toBe('simulated: systemctl reboot');
    await agent.waitFor((event) => event.event === 'command' && event.action === 'RESTART' && event.phase === 'succeeded');
    expect(await seriousViolations(page, 'console device')).toEqual([]);
    await screenshot(page, 'devices-console-device');

    // The simulated restart was recorded, and nothing else.
    const simulated = readFileSync(`${stateFile}.simulated.log`, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { action: string; steps: Array<{ file: string; args: string[] }> });
    expect(simulated).toHaveLength(1);
    expect(simulated[0]).toMatchObject({ action: 'RESTART', steps: [{ file: 'systemctl', args: ['reboot'] }] });

    // A command queued for a while can be cancelled while the agent has not received it: stop the agent first.
    await agent.stop();
    await page.locator('[data-testid="device-presence"][data-online="false"]').waitFor({ timeout: 10_000 });
    await page.getByTestId('device-command-action-select').selectOption('LOCK');
    await page.getByTestId('device-send-submit').click();
    const queued = page.locator('[data-testid="device-command"][data-status="QUEUED"]');
    await queued.waitFor();
    await queued.getByTestId('device-command-cancel').click();
    await page.locator('[data-testid="device-command"][data-status="CANCELLED"]').waitFor();

    // The audit log names what happened to devices.
    await page.goto(`${portico.url}/admin/audit?action=device.command_queued`);
    await page.getByTestId('audit-row').first().waitFor();
    expect(await page.getByTestId('audit-row-what').first().textContent()).toBe('Device command sent');
    expect(await page.getByTestId('audit-row-details').first().textContent()).toContain('Command: Lock the screen');
    expect(await page.getByTestId('audit-action').locator('option[value="device.enrolled"]').textContent()).toBe('Device enrolled');
  });

  it('shows the contact its device under My devices (desktop and phone), live; a colleague sees none', async () => {
    const context = await newContext(browser, { device: PHONE });
    contexts.push(context);
    const phone = await context.newPage();
    await signInThroughPortal(phone, portico.url, owner.username, owner.password);
    await phone.getByTestId('menu-toggle').click();
    await phone.getByTestId('nav-devices').click();
    const card = phone.locator(`[data-testid="device-card"][data-id="${deviceId}"]`);
    await card.waitFor();
    expect(await card.getByTestId('device-status').getAttribute('data-online')).toBe('false');
    await markPage(phone);

    // The agent runs again: the contact sees it come online without a reload.
    agent = new AgentProcess(['run', '--state', stateFile, '--simulate', '--simulate-delay-ms', '1500']);
    agents.push(agent);
    await agent.waitFor((event) => event.event === 'connected', 60_000);
    await card.locator('[data-testid="device-status"][data-online="true"]').waitFor({ timeout: 10_000 });
    await agent.waitFor((event) => event.event === 'facts');
    expect(await card.getByTestId('device-status').textContent()).toBe('Online');
    expect(await card.getByTestId('device-os').textContent()).toContain('Linux');
    expect(await phone.getByTestId('devices-actions-text').textContent()).toContain('Actions on your devices');
    expect(await hasHorizontalOverflow(phone)).toBe(false);
    expect(await seriousViolations(phone, 'portal devices (phone)')).toEqual([]);
    await screenshot(phone, 'devices-portal-phone');

    // It goes offline in front of the contact when the agent stops.
    await agent.stop();
    await card.locator('[data-testid="device-status"][data-online="false"]').waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('device-last-seen').textContent()).toMatch(/^Last seen /);
    expect(await marker(phone)).toBe(42);

    // Desktop too.
    const desktop = await newContext(browser);
    contexts.push(desktop);
    const page = await desktop.newPage();
    await signInThroughPortal(page, portico.url, owner.username, owner.password);
    await page.getByTestId('nav-devices').click();
    await page.locator(`[data-testid="device-card"][data-id="${deviceId}"]`).waitFor();
    expect(await seriousViolations(page, 'portal devices')).toEqual([]);
    await screenshot(page, 'devices-portal-desktop');

    // A colleague at the same customer sees none of it.
    const other = await newContext(browser);
    contexts.push(other);
    const colleaguePage = await other.newPage();
    await signInThroughPortal(colleaguePage, portico.url, colleague.username, colleague.password);
    await colleaguePage.goto(`${portico.url}/devices`);
    await colleaguePage.getByTestId('devices-empty').waitFor();
    expect(await colleaguePage.getByTestId('device-card').count()).toBe(0);
  });

  it('shows what an agent reports as text in both apps: no markup, no script', async () => {
    // A second computer of the customer, assigned to the same contact, reporting hostile facts over HTTP.
    const { deviceId: hostileId, device } = await enrollDeviceThroughApi(admin, customer.id, { hostname: 'pc-hostile', os: 'WINDOWS' });
    await admin.ok(ASSIGN_DEVICE, { deviceId: hostileId, contactId: owner.contactId });

    const portal = await newContext(browser);
    contexts.push(portal);
    const portalPage = await portal.newPage();
    await signInThroughPortal(portalPage, portico.url, owner.username, owner.password);
    await portalPage.goto(`${portico.url}/devices`);
    const card = portalPage.locator(`[data-testid="device-card"][data-id="${hostileId}"]`);
    await card.waitFor();
    await consolePage.goto(`${portico.url}/admin/devices/${hostileId}`);
    await consolePage.getByTestId('device-title').filter({ hasText: 'pc-hostile' }).waitFor();

    // The device credential (ptd_… from enrollment; the agent keeps it in its state file) over HTTP.
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { deviceToken: string };
    expect(state.deviceToken).toMatch(/^ptd_/);
    expect(await device.ok(REPORT_DEVICE_FACTS, { input: { hostname: XSS, osVersion: `10 ${XSS}`, loggedInUser: XSS, uptimeSeconds: 93_784, freeDiskBytes: 51_539_607_552, totalDiskBytes: 274_877_906_944, freeMemoryBytes: 4_294_967_296, totalMemoryBytes: 17_179_869_184 } })).toEqual({ reportDeviceFacts: true });
    // The real agent's credential works the same way, over HTTP.
    expect(await new GraphQLTestClient(portico.url, state.deviceToken).ok(REPORT_DEVICE_FACTS, { input: { hostname: XSS, osVersion: '24.04', loggedInUser: XSS } })).toEqual({ reportDeviceFacts: true });

    // A command's output is the agent's too.
    const { sendDeviceCommand } = await admin.ok<{ sendDeviceCommand: { id: string } }>('mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', { input: { deviceId: hostileId, action: 'LOCK' } });
    for (const status of ['DELIVERED', 'RUNNING', 'FAILED']) {
      await device.ok('mutation($input: ReportDeviceCommandInput!) { reportDeviceCommand(input: $input) }', { input: { id: sendDeviceCommand.id, status, output: status === 'FAILED' ? `${XSS}\n<script>window.__xss=2</script>` : null } });
    }

    // The console: the device page updates live and shows the markup as text.
    await consolePage.getByTestId('device-title').filter({ hasText: XSS }).waitFor({ timeout: 10_000 });
    await consolePage.getByTestId('device-fact-user').filter({ hasText: XSS }).waitFor();
    await consolePage.locator('[data-testid="device-command"][data-status="FAILED"]').waitFor({ timeout: 10_000 });
    expect(await consolePage.getByTestId('device-command-output').first().textContent()).toBe(`${XSS}\n<script>window.__xss=2</script>`);
    expect(await consolePage.getByTestId('device-fact-uptime').textContent()).toBe('1 day, 2 hours');
    expect(await consolePage.getByTestId('device-fact-disk').textContent()).toBe('48 GB free of 256 GB');
    expect(await consolePage.getByTestId('device-fact-memory').textContent()).toBe('4 GB free of 16 GB');
    expect(await consolePage.locator('main img').count()).toBe(0);
    await consolePage.goto(`${portico.url}/admin/devices`);
    await consolePage.locator(`[data-testid="device-row"][data-id="${hostileId}"]`).getByTestId('device-row-hostname').filter({ hasText: XSS }).waitFor();
    await consolePage.locator(`[data-testid="device-row"][data-id="${deviceId}"]`).getByTestId('device-row-hostname').filter({ hasText: XSS }).waitFor();
    expect(await consolePage.locator('main img').count()).toBe(0);
    await consolePage.goto(`${portico.url}/admin/audit?action=device.command_finished`);
    await consolePage.getByTestId('audit-row').first().waitFor();
    expect(await consolePage.getByTestId('audit-row-who').first().textContent()).toContain(XSS);
    expect(await consolePage.getByTestId('audit-row-details').first().textContent()).toContain('Result: Failed');
    expect(await consolePage.locator('main img').count()).toBe(0);
    expect(await xssRan(consolePage)).toBeUndefined();
    await screenshot(consolePage, 'devices-console-audit');

    // The portal: the open page updates live, as text.
    await card.getByTestId('device-hostname').filter({ hasText: XSS }).waitFor({ timeout: 10_000 });
    expect(await card.getByTestId('device-user').textContent()).toBe(XSS);
    expect(await portalPage.locator('main img').count()).toBe(0);
    expect(await xssRan(portalPage)).toBeUndefined();
    await screenshot(portalPage, 'devices-portal-xss');
  });

  it('offers software installs with a Homebrew cask on macOS, and names a refused argument beside its field', async () => {
    const { deviceId: macId } = await enrollDeviceThroughApi(admin, customer.id, { hostname: 'mac-mini', os: 'MACOS', osVersion: '14.5', loggedInUser: 'dana' });
    const page = consolePage;
    await page.goto(`${portico.url}/admin/devices/${macId}`);
    await page.getByTestId('device-title').filter({ hasText: 'mac-mini' }).waitFor();
    const actions = await page.getByTestId('device-command-action-select').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(actions).toEqual(['RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF', 'INSTALL_SOFTWARE']);
    await page.getByTestId('device-send-offline').waitFor();

    // A user name the agent would refuse is refused here first, beside its field.
    await page.getByTestId('device-command-action-select').selectOption('LOG_OFF');
    await page.getByTestId('device-command-user').fill('ann; reboot');
    await page.getByTestId('device-send-submit').click();
    await page.getByTestId('device-command-user-field-error').waitFor();

    await page.getByTestId('device-command-action-select').selectOption('INSTALL_SOFTWARE');
    await page.getByTestId('device-command-package').fill('firefox');
    await page.getByTestId('device-command-cask').check();
    await page.getByTestId('device-send-submit').click();
    const queued = page.locator('[data-testid="device-command"][data-status="QUEUED"]');
    await queued.waitFor();
    expect(await queued.getByTestId('device-command-action').textContent()).toBe('Install software');
    expect(await queued.getByTestId('device-command-arguments').textContent()).toBe('cask firefox');
    const { deviceCommands } = await admin.ok<{ deviceCommands: { edges: Array<{ node: { action: string; arguments: string } }> } }>(
      'query($d: ID) { deviceCommands(deviceId: $d) { edges { node { action arguments } } } }',
      { d: macId },
    );
    expect(deviceCommands.edges.map((edge) => edge.node)).toEqual([{ action: 'INSTALL_SOFTWARE', arguments: '{"packageId":"firefox","cask":true}' }]);
    await page.getByTestId('device-command-action-select').selectOption('INSTALL_SOFTWARE');
    await screenshot(page, 'devices-console-macos');
  });
});
