/** @type {import('next').NextConfig} */
const staticSecurityHeaders = [
  ['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Frame-Options', 'DENY'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
].map(([key, value]) => ({ key, value }));

const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and WASM packages must be loaded by Node at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  async headers() {
    // The proxy sets headers for every other response; static files bypass it.
    return [
      { source: '/_next/static/:path*', headers: staticSecurityHeaders },
      { source: '/favicon.ico', headers: staticSecurityHeaders },
      { source: '/robots.txt', headers: staticSecurityHeaders },
    ];
  },
};

export default nextConfig;
