import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '@/lib/i18n';
import { LOCALES } from '@/lib/i18n/locales';
import type { Settings } from '@/lib/settings/schema';
import { EXT_BROWSERS, poll, sendFromExtensionPage, type ExtBrowser } from './browsers';

/**
 * The options page's own checks load after its first render (issue 13, fast first open): the
 * alerts' per-field check, the cast parser and the settings file reader. Bad input is still refused
 * with the same words, in every language, and a good file still imports.
 */
describe.each(EXT_BROWSERS)('%s: options checks loaded after the first render', (name, launch) => {
  let browser: ExtBrowser;
  const files = mkdtempSync(join(tmpdir(), 'sm-options-checks-'));
  const notSettings = join(files, 'notes.json');
  writeFileSync(notSettings, 'these are notes, not settings');

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(LOCALES)('refuses bad alerts, a bad cast and a file that is not ours in %s, each with its message', async (locale) => {
    const { t } = createI18n(locale);
    const options = await browser.openExtensionPage(`options.html?lang=${locale}`, { width: 900, height: 1400 });
    // Saved as soon as the fields are there: the checks may still be loading.
    await options.waitForText('#alerts-title', /\S/);
    await options.fill('#spike-factor', '0');
    await options.fill('#webhook-url', 'http://hooks.example.com/alert');
    await options.click('form[aria-labelledby="alerts-title"] button[type="submit"]');
    expect(await options.waitForText('#spike-factor-error', /\S/)).toBe('The spike factor is at least 1.');
    expect(await options.textOf('#webhook-url-error')).toBe(t('alertsOpt.webhookBad'));
    expect(await options.textOf('form[aria-labelledby="alerts-title"] .notice')).toBe(t('common.notSaved'));

    await options.click('#cast-add');
    await options.fill('#cast-table tbody tr:nth-child(1) .cast-name', 'Anna');
    await options.fill('#cast-table tbody tr:nth-child(1) .cast-speed', '3');
    await options.click('#cast-section button[type="submit"]');
    expect(await options.waitForText('#cast-error', /\S/)).toBe('Anna.speed: Speed is at most 2.');

    await options.setFiles('#import-settings', [notSettings]);
    expect(await options.waitForText('#backup-result', /\S/)).toBe(t('backup.importFailed', { error: t('backup.notJson') }));
    await options.screenshot(`options-checks-${locale}`);

    // Nothing refused reached the settings.
    const settings = (await sendFromExtensionPage(options, 'getSettings', {})) as Settings;
    expect(settings.alerts.spikeFactor).toBe(3);
    expect(settings.cast).toEqual({});
  });

  it('imports a settings file of an older version, read and brought up to date by the lazily loaded reader', async () => {
    const { t } = createI18n('en');
    const options = await browser.openExtensionPage('options.html', { width: 900, height: 1400 });
    const file = join(files, `settings-${name}.json`);
    // Version 1 had no privacy.keepHistory: the migration adds it rather than dropping the group.
    writeFileSync(file, JSON.stringify({ scriptmeter: 'settings', version: 1, settings: {
      alerts: { lowBalance: 40, spikeFactor: 6, pollMinutes: 45, expectedVoices: [], webhookUrl: '' },
      privacy: { paused: false, disabledSites: ['imported.example.com'], wholeFieldApi: false },
    } }));
    await options.waitForText('#alerts-title', /\S/);
    await options.setFiles('#import-settings', [file]);
    expect(await options.waitForText('#backup-result', /\S/)).toBe(t('backup.imported'));
    // The sections remount with what was imported.
    await poll(() => options.evaluate(() => (document.querySelector('#spike-factor') as HTMLInputElement | null)?.value, null), (value) => value === '6', 'the imported spike factor shown');
    const settings = (await sendFromExtensionPage(options, 'getSettings', {})) as Settings;
    expect(settings.alerts).toMatchObject({ lowBalance: 40, spikeFactor: 6, pollMinutes: 45 });
    expect(settings.privacy).toMatchObject({ disabledSites: ['imported.example.com'], keepHistory: true });
  });
});
