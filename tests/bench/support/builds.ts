import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { REPO_ROOT } from '../../support/portal-server';

/** One output chunk as Vite's manifest describes it. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

/**
 * A fresh production build of the PWA (the repository's vite.config.ts, service worker included)
 * into a temp folder, with Vite's manifest so the suites can tell which chunks a route loads.
 */
export async function buildPwa(): Promise<{ dir: string; manifest: ViteManifest }> {
  const dir = mkdtempSync(join(tmpdir(), 'seat-portal-pwa-'));
  await build({
    configFile: resolve(REPO_ROOT, 'vite.config.ts'),
    root: resolve(REPO_ROOT, 'pwa'),
    logLevel: 'warn',
    build: { outDir: dir, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as ViteManifest;
  return { dir, manifest };
}

/**
 * The JS files the browser fetches to show a route: the entry and everything it imports
 * statically, plus, when the route's view is split off, its chunk and that chunk's static imports.
 */
export function routeFiles(manifest: ViteManifest, viewSource: string | null): string[] {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  if (viewSource && manifest[viewSource]?.isDynamicEntry) visit(viewSource);
  return [...files].filter((f) => f.endsWith('.js'));
}

/** gzip size (Node's default level) of files under `dir`, in bytes. */
export function gzipBytes(dir: string, files: readonly string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, f))).length, 0);
}

/**
 * The JS an extension page loads: its module script and, recursively, the chunks those import
 * statically (`import ... from "./chunks/x.js"`), relative to the output folder.
 */
export function extensionPageFiles(outDir: string, html: string): string[] {
  const files = new Set<string>();
  const page = readFileSync(join(outDir, html), 'utf8');
  const visit = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    const code = readFileSync(join(outDir, path), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g))
      visit(join(dirname(path), m[1]!).replace(/^\.\//, ''));
  };
  for (const m of page.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) visit(m[1]!.replace(/^\//, ''));
  for (const m of page.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) visit(m[1]!.replace(/^\//, ''));
  return [...files];
}
