/**
 * The route a request path belongs to, as a metric label: the API's own patterns (a license id
 * becomes `:id`), `/healthz` and `/readyz`, and `static` for the PWA's files. Never the raw path,
 * which a client chooses: every distinct label is a time series the monitoring keeps.
 */
const API_ROUTES: ReadonlyArray<[RegExp, string]> = [
  [/^\/api\/v1\/auth\/(login|logout|password)$/, ''],
  [/^\/api\/v1\/auth\/sessions\/end-others$/, ''],
  [/^\/api\/v1\/(me|sync|status|activations|activations\/check|licenses)$/, ''],
  [/^\/api\/v1\/licenses\/[^/]+$/, '/api/v1/licenses/:id'],
  [/^\/api\/v1\/licenses\/[^/]+\/(devices|users|events)$/, '/api/v1/licenses/:id/'],
];

export function routeLabel(path: string): string {
  if (path === '/healthz' || path === '/readyz') return path;
  if (!path.startsWith('/api/')) return 'static';
  for (const [pattern, label] of API_ROUTES) {
    const match = pattern.exec(path);
    if (!match) continue;
    if (label === '') return path;
    return label.endsWith('/') ? label + match[1] : label;
  }
  return '/api/unknown';
}
