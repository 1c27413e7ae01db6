/** Bench-only floor app (see README.md). */
const config = {
  poweredByHeader: false,
  serverExternalPackages: ['postgres'],
};

export default config;
