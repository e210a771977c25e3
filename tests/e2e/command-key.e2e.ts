/**
 * The keyboard command (Alt+Shift+E) pressed for real. Key events sent over CDP go to the page's
 * renderer and never reach the browser's extension shortcuts, so this test runs a headed Chromium on
 * a virtual X display (Xvfb) and presses the keys through X (xdotool), as a keyboard would.
 * Needs the Debian packages xvfb and xdotool.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoTooltip, launchInlineChromium, waitForTooltip, type InlineBrowser } from '../pages/harness';
import { startFixtureServer, type FixtureServer } from '../pages/server';

const run = promisify(execFile);

/** Starts Xvfb on a display it picks itself (-displayfd), so parallel runs never collide. */
async function startXvfb(): Promise<{ display: string; server: ChildProcess }> {
  const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise<string>((resolve, reject) => {
    let out = '';
    let errors = '';
    server.stderr?.on('data', (chunk: Buffer) => { errors += chunk.toString(); });
    server.stdio[3]?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    server.once('error', (error) => reject(new Error(`Cannot start Xvfb (Debian package xvfb): ${error.message}`)));
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${errors.trim()}`)));
  });
  return { display, server };
}

/** Runs xdotool on the virtual display (Debian package xdotool). */
async function xdotool(display: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 20_000 });
  return stdout.trim();
}

describe('chromium: the keyboard command, pressed on a real (virtual) keyboard', () => {
  let xvfb: { display: string; server: ChildProcess };
  let pages: FixtureServer;
  let browser: InlineBrowser;
  let page: Page;
  const display = () => xvfb.display;

  beforeAll(async () => {
    [xvfb, pages] = await Promise.all([startXvfb(), startFixtureServer()]);
    const before = process.env.DISPLAY;
    process.env.DISPLAY = xvfb.display; // the browser inherits it
    try {
      browser = await launchInlineChromium({ headless: false });
    } finally {
      if (before === undefined) delete process.env.DISPLAY;
      else process.env.DISPLAY = before;
    }
    page = await browser.open(pages.page('basic'));
    await page.bringToFront();
  });
  afterAll(async () => {
    await browser?.close();
    await pages?.close();
    xvfb?.server.kill();
  });

  it('Alt+Shift+E shows the figure for a selection the user had dismissed', async () => {
    await page.click('#textarea');
    await page.keyboard.press('ControlOrMeta+a');
    await waitForTooltip(page);
    // Dismissed: the same selection does not come back by itself, only when asked.
    await page.keyboard.press('Escape');
    expect(await expectNoTooltip(page)).toBeNull();

    // X gives the keys to the focused window: the browser's, which holds the fixture tab in front.
    const window = await xdotool(display(), 'search', '--sync', '--onlyvisible', '--class', 'chromium');
    await xdotool(display(), 'windowfocus', '--sync', window.split('\n')[0]!);
    await xdotool(display(), 'key', '--clearmodifiers', 'alt+shift+e');
    expect((await waitForTooltip(page)).figure).toMatch(/^≈ \d+:\d\d/);
  });
});
