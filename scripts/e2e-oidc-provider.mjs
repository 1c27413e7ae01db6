#!/usr/bin/env node
/**
 * A real OpenID Connect provider (`oidc-provider`) for the single sign-on browser test. Its login
 * page accepts any login and password; the login is the account id:
 *   "<email>"             -> email, email_verified true
 *   "unverified:<email>"  -> email, email_verified false
 * Like many enterprise providers (and oidc-provider's default), the email travels only in userinfo,
 * not in the ID token. Consent is granted automatically (a first-party client).
 * Usage: node scripts/e2e-oidc-provider.mjs --port 3950 --app http://127.0.0.1:3903
 */
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] ?? 3950);
const app = args[args.indexOf('--app') + 1] ?? 'http://127.0.0.1:3103';
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID ?? 'portroster-e2e',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'portroster-e2e-client-secret',
      redirect_uris: [`${app}/api/auth/callback/oidc`],
      post_logout_redirect_uris: [`${app}/sign-in?reason=signed_out`, `${app}/sign-in?reason=idle`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  async findAccount(_ctx, id) {
    const unverified = id.startsWith('unverified:');
    const email = unverified ? id.slice('unverified:'.length) : id;
    return { accountId: id, claims: () => ({ sub: id, email, email_verified: !unverified, name: email }) };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign out of the test provider</title></head>
<body><main><h1>Sign out of the test provider?</h1>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></main></body></html>`;
      },
    },
  },
  pkce: { required: () => true },
  cookies: { keys: ['e2e-oidc-provider-cookie-key-not-secret'] },
  // Plain HTTP on 127.0.0.1: the test provider's cookies cannot be Secure.
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, IdToken: 600 },
});

const server = provider.listen(port, '127.0.0.1', () => console.log(`oidc provider ${issuer} for ${app}`));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.close(() => process.exit(0)));
