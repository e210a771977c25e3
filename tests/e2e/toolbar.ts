import type { ExtPage } from './browsers';

export type Rgba = [number, number, number, number];
export interface ToolbarState { text: string; title: string; color: Rgba; notifications: string[] }

/** The toolbar badge and the open notifications' ids, as the extension's own page sees them. */
export function toolbarState(page: ExtPage): Promise<ToolbarState> {
  return page.evaluate(async () => {
    type Button = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string>; getBadgeBackgroundColor(d: object): Promise<Rgba> };
    type Api = { notifications: { getAll(): Promise<Record<string, unknown>> }; action?: Button; browserAction?: Button };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api };
    const api = scope.browser ?? scope.chrome;
    // MV3 (Chromium) has `action`, Firefox's MV2 build `browserAction`.
    const button = api.action ?? api.browserAction;
    if (!button) throw new Error('no toolbar button API');
    // Notifications first: a check sets the badge before it notifies, so a notification seen here
    // comes with its own check's badge, never an earlier one read a moment before it landed.
    const notifications = Object.keys(await api.notifications.getAll());
    return {
      text: await button.getBadgeText({}),
      title: await button.getTitle({}),
      color: [...await button.getBadgeBackgroundColor({})] as Rgba,
      notifications,
    };
  }, null);
}

export const rgba = (hex: string): Rgba => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16), 255];

/**
 * Headless Firefox's system alert backend closes each notification as it opens, so none is left for
 * `notifications.getAll()`; its own alert windows stay open like Chromium's notifications do.
 */
export const FIREFOX_ALERTS = { 'alerts.useSystemBackend': false, 'alerts.totalOpenTime': 600_000 };

/**
 * Notifications may close on their own (a browser's timeout): from now on, remembers in `page` the
 * ids of every notification that was open or has closed, so a count of those ever shown holds.
 */
export function watchNotifications(page: ExtPage): Promise<void> {
  return page.evaluate(async () => {
    type Api = { notifications: { getAll(): Promise<Record<string, unknown>>; onClosed: { addListener(fn: (id: string) => void): void } } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api; scriptmeterSeen?: Set<string> };
    const api = scope.browser ?? scope.chrome;
    const seen = new Set(Object.keys(await api.notifications.getAll()));
    scope.scriptmeterSeen = seen;
    api.notifications.onClosed.addListener((id) => seen.add(id));
  }, null);
}

/** Ids of the notifications open now or closed since watchNotifications. */
export function notificationsSeen(page: ExtPage): Promise<string[]> {
  return page.evaluate(async () => {
    type Api = { notifications: { getAll(): Promise<Record<string, unknown>> } };
    const scope = globalThis as unknown as { browser?: Api; chrome: Api; scriptmeterSeen?: Set<string> };
    const open = Object.keys(await (scope.browser ?? scope.chrome).notifications.getAll());
    return [...new Set([...(scope.scriptmeterSeen ?? []), ...open])];
  }, null);
}
