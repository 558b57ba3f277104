// openid-client (an OpenID-certified relying party) against the OneStop Digital ID:
// discovery, PAR + code + PKCE (S256), ID token checks, UserInfo, refresh rotation, client credentials.
// Usage: node rp.mjs http://127.0.0.1:PORT/    Exits 0 when every step passed; prints one line per step.
import * as client from 'openid-client';

const issuer = new URL(process.argv[2] ?? 'http://localhost:5080/');
const redirectUri = 'http://127.0.0.1:5081/callback';
const insecure = { execute: [client.allowInsecureRequests] }; // loopback HTTP in tests only
const step = (name, detail) => console.log(`ok ${name}${detail ? ': ' + detail : ''}`);
const fail = (message) => { throw new Error(message); };

// The person's browser: follows the provider's redirects, keeps its cookies, fills its forms.
const jar = new Map();
async function browse(url, init = {}) {
  const headers = { ...(init.headers ?? {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const i = pair.indexOf('=');
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return response;
}
async function follow(url) {
  let response = await browse(url);
  for (let hops = 0; hops < 10 && response.status >= 300 && response.status < 400; hops++) {
    const location = new URL(response.headers.get('location'), url);
    if (location.href.startsWith(redirectUri)) return { callback: location };
    url = location;
    response = await browse(url);
  }
  return { page: url, html: await response.text(), status: response.status };
}
async function submit(page, html, fields) {
  const form = html.slice(html.lastIndexOf('<form'));
  const body = new URLSearchParams();
  for (const m of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]+)"/.exec(m[0])?.[1];
    const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (name && !(name in fields)) body.set(name, value.replaceAll('&amp;', '&').replaceAll('&#x2B;', '+').replaceAll('&#x2F;', '/'));
  }
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  const response = await browse(page, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  if (response.status < 300 || response.status >= 400) fail(`form at ${page} answered ${response.status}`);
  return follow(new URL(response.headers.get('location'), page));
}

// 1. Discovery, as a confidential client whose ID tokens are ES256.
const config = await client.discovery(issuer, 'demo-portal', { id_token_signed_response_alg: 'ES256' },
  client.ClientSecretBasic('demo-portal-secret'), insecure);
const meta = config.serverMetadata();
if (!meta.code_challenge_methods_supported?.includes('S256') || meta.code_challenge_methods_supported.includes('plain')) fail('PKCE methods');
step('discovery', meta.issuer);

// 2. Pushed authorization request with PKCE, then the person signs in and consents.
const verifier = client.randomPKCECodeVerifier();
const state = client.randomState();
const nonce = client.randomNonce();
const authorizationUrl = await client.buildAuthorizationUrlWithPAR(config, {
  redirect_uri: redirectUri, scope: 'openid profile pid offline_access', state, nonce,
  code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
});
if (!authorizationUrl.searchParams.get('request_uri')?.startsWith('urn:ietf:params:oauth:request_uri:')) fail('no request_uri');
step('par', 'request_uri issued');
let at = await follow(authorizationUrl);
if (!at.page?.pathname.endsWith('/Identity/Account/SignIn')) fail(`expected the sign-in page, got ${at.page ?? at.callback}`);
at = await submit(at.page, at.html, { Login: 'citizen1@demo.onestop.test', Password: 'Thai-Demo-2569' });
if (at.page?.pathname.endsWith('/Identity/Account/Consent')) at = await submit(at.page, at.html, { decision: 'allow' });
if (!at.callback) fail(`no callback: ${at.status} ${at.page}`);
step('authorization', 'code returned with iss ' + at.callback.searchParams.get('iss'));

// 3. Code for tokens: openid-client checks the ID token's signature (JWKS), iss, aud, nonce, exp and the state.
const tokens = await client.authorizationCodeGrant(config, at.callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
const claims = tokens.claims();
if (claims.pid !== '1999900000013') fail('pid ' + claims.pid);
if (claims.acr !== 'urn:onestop:aal:1' || !claims.amr?.includes('pwd')) fail('acr/amr ' + claims.acr + ' ' + claims.amr);
if (claims.verified_claims?.verification?.assurance_level !== 'ial2') fail('verified_claims');
step('token', `id_token for ${claims.sub}, acr ${claims.acr}, ${claims.verified_claims.verification.trust_framework} ${claims.verified_claims.verification.assurance_level}`);

// 4. UserInfo with the access token (openid-client checks that sub matches the ID token's).
const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
if (userinfo.pid !== claims.pid || !userinfo.given_name) fail('userinfo ' + JSON.stringify(userinfo));
step('userinfo', Object.keys(userinfo).join(' '));

// 5. Refresh: a new refresh token each time; the old one is then refused.
const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
if (!refreshed.refresh_token || refreshed.refresh_token === tokens.refresh_token) fail('refresh token not rotated');
let reuseRefused = false;
try { await client.refreshTokenGrant(config, tokens.refresh_token); } catch (e) { reuseRefused = e.error === 'invalid_grant'; }
if (!reuseRefused) fail('a used refresh token was accepted');
step('refresh', 'rotated; reuse refused with invalid_grant');

// 6. Client credentials for an agency system.
const agency = await client.discovery(issuer, 'demo-agency', undefined, client.ClientSecretPost('demo-agency-secret'), insecure);
const machine = await client.clientCredentialsGrant(agency, { scope: 'exchange' });
if (machine.token_type.toLowerCase() !== 'bearer' || !machine.access_token) fail('client credentials');
step('client_credentials', `${machine.token_type} token, scope ${machine.scope ?? 'exchange'}, expires in ${machine.expires_in}s`);
console.log('conformance: all steps passed');
