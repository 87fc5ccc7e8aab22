// Verifies a license token with Node's built-in crypto only, as a vendor's client in another language would:
// node verify-token.js <file with {"token": "...", "jwks": {"keys": [...]}}>
// Prints {"valid": bool, "header": {...}, "payload": {...}}.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');

const { token, jwks } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const [headerPart, payloadPart, signaturePart] = token.split('.');
const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
const jwk = jwks.keys.find((k) => k.kid === header.kid);
let valid = false;
if (jwk && header.alg === 'EdDSA') {
  const publicKey = crypto.createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  valid = crypto.verify(null, Buffer.from(headerPart + '.' + payloadPart, 'ascii'), publicKey, Buffer.from(signaturePart, 'base64url'));
}
const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
process.stdout.write(JSON.stringify({ valid, header, payload }));
