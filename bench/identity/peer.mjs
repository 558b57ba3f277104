// oidc-provider as the peer: one confidential client with client credentials, client_secret_basic,
// in-memory adapter, on 127.0.0.1 only. Usage: node peer.mjs PORT [opaque|jwt]
import Provider from 'oidc-provider';

const port = Number(process.argv[2] ?? 5391);
const format = process.argv[3] ?? 'opaque';
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: 'demo-agency', client_secret: 'demo-agency-secret', token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: 'exchange', id_token_signed_response_alg: 'ES256',
  }],
  scopes: ['exchange'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    // JWT access tokens (ES256) need a resource server; opaque ones are oidc-provider's default.
    resourceIndicators: {
      enabled: format === 'jwt',
      defaultResource: () => 'urn:onestop:exchange',
      getResourceServerInfo: () => ({ scope: 'exchange', accessTokenFormat: 'jwt', jwt: { sign: { alg: 'ES256' } } }),
      useGrantedResource: () => true,
    },
  },
  jwks: { keys: [await (async () => {
    const { generateKeyPair, exportJWK } = await import('jose');
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    return { ...(await exportJWK(privateKey)), kid: 'es1', alg: 'ES256', use: 'sig' };
  })()] },
});
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider (${format} access tokens) on ${issuer}`));
