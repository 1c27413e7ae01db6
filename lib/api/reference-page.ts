/**
 * The /api/docs page: Scalar's API reference for the generated OpenAPI document. The bundle is
 * served from node_modules by /api/docs/scalar.js (nothing is fetched from a CDN or font host),
 * and both scripts carry the request's CSP nonce.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApiReference } from '@scalar/nextjs-api-reference';

export const SCALAR_BUNDLE_URL = '/api/docs/scalar.js';

export function readScalarBundle(): Promise<string> {
  // Not in the package's exports map, so it is read by path from the installed package.
  return readFile(path.join(process.cwd(), 'node_modules', '@scalar', 'api-reference', 'dist', 'browser', 'standalone.js'), 'utf8');
}

export async function apiReferencePage(nonce: string | undefined): Promise<Response> {
  const render = ApiReference({
    url: '/api/v1/openapi.json',
    cdn: SCALAR_BUNDLE_URL,
    nonce,
    pageTitle: 'Port Roster API reference',
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    showDeveloperTools: 'never',
    mcp: { disabled: true },
    // The AI assistant would call Scalar's servers; not in this build's types, honoured at run time.
    ...({ agent: { disabled: true } } as object),
    forceDarkModeState: 'light',
    hideDarkModeToggle: true,
    // Scalar's light greys and method colours fall below WCAG AA contrast on white; these pass 4.5:1.
    // Doubled class: this CSS comes before the Next.js theme in the page, so it needs the higher specificity.
    customCss: `.light-mode.light-mode {
  --scalar-color-2: #4a4a4a; --scalar-color-3: #595959; --scalar-color-accent: #1d4ed8;
  --scalar-color-green: #166534; --scalar-color-blue: #1d4ed8; --scalar-color-orange: #9a3412;
  --scalar-color-red: #b91c1c; --scalar-color-yellow: #854d0e; --scalar-color-purple: #6b21a8;
}
.light-mode .hljs-number, .light-mode .hljs-literal, .light-mode .hljs-built_in { color: #9a3412 !important; }
.light-mode .hljs-string, .light-mode .hljs-symbol { color: #166534 !important; }
.light-mode .hljs-keyword, .light-mode .hljs-meta { color: #6b21a8 !important; }
.light-mode .hljs-attr, .light-mode .hljs-attribute, .light-mode .hljs-property, .light-mode .hljs-title { color: #1d4ed8 !important; }
.light-mode .hljs-comment, .light-mode .hljs-variable { color: #4a4a4a !important; }`,
  });
  // Scalar's page has no language attribute; screen readers need one.
  const html = (await render().text()).replace('<html>', '<html lang="en">');
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
