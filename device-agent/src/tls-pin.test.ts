import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { postGraphQL } from './graphql-http.js';
import { PinnedAgent, probeFingerprint } from './tls-pin.js';

// Two self-signed certificates for localhost (valid for a century), made with openssl for this test.
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTfKgoEJDyimrC1So
S6KErW01ks/4QWlrbviQLLst1JmhRANCAAR29gh97QznfWHPKkk4c0/Tgv7TUJTJ
WK9yr0DGaujMiGTO/SqIKkNtYWz/l85O1mQdkJZlqerdH53nVztepEqk
-----END PRIVATE KEY-----
`;
const CERT = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUQfak92UOsKoCBQ3JF+hkAGjNhdQwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDA0NDQyOFoYDzIxMjYxMTEw
MDQ0NDI4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAR29gh97QznfWHPKkk4c0/Tgv7TUJTJWK9yr0DGaujMiGTO/SqIKkNt
YWz/l85O1mQdkJZlqerdH53nVztepEqko28wbTAdBgNVHQ4EFgQU9sgbSDZ7X10/
TaKYH+vQuKFvD0QwHwYDVR0jBBgwFoAU9sgbSDZ7X10/TaKYH+vQuKFvD0QwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSQAwRgIhAOf+S2B8RUeuObqtmOr/fla6Jxaqiqcwl4CoJ3LUUfHhAiEA
pPW+D7fnrR27DpaCGK8L/RnP4vCTtvq9kXSKvJ5b8bM=
-----END CERTIFICATE-----
`;
const OTHER_CERT = `-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUaEa7du15ygmEnZq+qc874e2XQiIwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDA0NDQyOFoYDzIxMjYxMTEw
MDQ0NDI4WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQ02L0VguHpEHn84whlggSDzfiZ0ORAOTW+6EXtR6niX8HbxrQyK4o1
yO1DNpyD3OiR79mchlV7J96LTP1dAWiqo28wbTAdBgNVHQ4EFgQUNQqVavdzgk4Y
8wJftku34AeM0LcwHwYDVR0jBBgwFoAUNQqVavdzgk4Y8wJftku34AeM0LcwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSQAwRgIhAN3cXlikmc8BDnPsrS1t8ADcbxbSOoKFVq+IUcIv19jWAiEA
xrV/524i9F+oKyjm33LnELVEjmJqY/PQfFAgFlgPsJ4=
-----END CERTIFICATE-----
`;

const fingerprint = new X509Certificate(CERT).fingerprint256;
const otherFingerprint = new X509Certificate(OTHER_CERT).fingerprint256;

let server: Server;
let url: string;
let requests = 0;
let upgrades = 0;

beforeAll(async () => {
  server = createServer({ key: KEY, cert: CERT }, (request, response) => {
    requests++;
    request.resume().on('end', () => response.setHeader('content-type', 'application/json').end('{"data":{"ok":true}}'));
  });
  server.on('upgrade', () => upgrades++);
  new WebSocketServer({ server });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://localhost:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const query = { query: '{ ok }', variables: {} };

describe('certificate pinning', () => {
  it('reads the fingerprint of the certificate the server shows', async () => {
    expect(await probeFingerprint(new URL(url))).toBe(fingerprint);
  });

  it('talks to a self-signed server showing the pinned certificate', async () => {
    expect(await postGraphQL(url, query, { pinnedFingerprint: fingerprint })).toEqual({ data: { ok: true } });
  });

  it('refuses any other certificate before a request is sent', async () => {
    const before = requests;
    await expect(postGraphQL(url, query, { pinnedFingerprint: otherFingerprint, deviceToken: 'ptd_secret' })).rejects.toThrow('is not the pinned one');
    expect(requests).toBe(before);
  });

  it('pins WebSocket connections the same way, reconnections included', async () => {
    const open = (agent: PinnedAgent) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url.replace('https', 'wss'), { agent });
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('error', (error) => resolve(error.message));
      });
    const pinned = new PinnedAgent(fingerprint);
    expect(await open(pinned)).toBe('open');
    // A resumed TLS session would show no certificate to compare.
    expect(await open(pinned)).toBe('open');
    const before = upgrades;
    expect(await open(new PinnedAgent(otherFingerprint))).toMatch(/is not the pinned one/);
    expect(upgrades).toBe(before);
  });
});
