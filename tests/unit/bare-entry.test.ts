import { describe, expect, it } from 'vitest';
import type { WxtHooks } from 'wxt';
import { contentScriptsStartBare } from '@/lib/content/bare-entry';

type Hook = WxtHooks['vite:build:extendConfig'];
type Entrypoints = Parameters<Hook>[0];
type Config = Parameters<Hook>[1];
interface PluginHooks {
  resolveId(id: string): string | null;
  load(id: string): string | null;
}

function pluginsFor(types: string[]): PluginHooks[] {
  const config = { plugins: [] } as unknown as Config;
  contentScriptsStartBare(types.map((type) => ({ type })) as unknown as Entrypoints, config);
  return (config.plugins ?? []) as unknown as PluginHooks[];
}

describe('content scripts start bare', () => {
  it('only content-script builds get the plugin', () => {
    expect(pluginsFor(['unlisted-script'])).toHaveLength(1);
    expect(pluginsFor(['content-script'])).toHaveLength(1);
    expect(pluginsFor(['background'])).toHaveLength(0);
    expect(pluginsFor(['popup', 'options'])).toHaveLength(0);
  });

  it("takes WXT's wrapped entries of unlisted and page-world scripts, as Vite passes them, and starts the script with a bare call", () => {
    const [plugin] = pluginsFor(['unlisted-script']);
    const bare = plugin!.resolveId('/root/virtual:wxt-unlisted-script-entrypoint?/root/entrypoints/docs-inline.ts');
    expect(bare).not.toBeNull();
    expect(plugin!.resolveId('virtual:wxt-content-script-main-world-entrypoint?/root/entrypoints/docs-page.content.ts')).not.toBeNull();
    const code = plugin!.load(bare!);
    expect(code).toContain('import definition from "/root/entrypoints/docs-inline.ts"');
    expect(code).toContain('initPlugins();');
    expect(code).toContain('definition.main();');
    expect(code).not.toMatch(/\btry\b|\bcatch\b|logger/);
  });

  it('leaves everything else to WXT and Vite', () => {
    const [plugin] = pluginsFor(['content-script']);
    for (const id of ['/root/entrypoints/docs-inline.ts', 'virtual:wxt-background-entrypoint?/root/entrypoints/background.ts', 'virtual:wxt-content-script-isolated-world-entrypoint?/root/x.ts', 'virtual:wxt-plugins']) {
      expect(plugin!.resolveId(id)).toBeNull();
      expect(plugin!.load(id)).toBeNull();
    }
  });
});
