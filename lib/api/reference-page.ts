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
  });
  // Scalar's page has no language attribute; screen readers need one.
  const html = (await render().text()).replace('<html>', '<html lang="en">');
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
