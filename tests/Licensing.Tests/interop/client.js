// A grpc-js client of licensing.v1.Licensing and grpc.health.v1.Health, loaded from the project's own protos.
// Usage:
//   node client.js <host:port> health
//   node client.js <host:port> call <Method> '<request json>' [key=value metadata ...]
//   node client.js <host:port> every-method [key=value metadata ...]   (each method with an empty request)
// Prints one JSON line with what it observed.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const protos = path.join(__dirname, '..', '..', '..', 'protos');
const options = { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true };
const load = (file) => grpc.loadPackageDefinition(loader.loadSync(path.join(protos, file), options));
const Licensing = load('licensing.proto').licensing.v1.Licensing;
const Health = load('health.proto').grpc.health.v1.Health;

const [target, mode, ...rest] = process.argv.slice(2);
const credentials = grpc.credentials.createInsecure();
const print = (result) => { console.log(JSON.stringify(result)); process.exit(0); };
const deadline = () => Date.now() + 10000;

function metadataOf(pairs) {
  const metadata = new grpc.Metadata();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    metadata.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return metadata;
}

function call(client, method, request, metadata) {
  return new Promise((resolve) => {
    client[method](request, metadata, { deadline: deadline() }, (error, response) =>
      resolve(error ? { code: error.code, details: error.details } : { code: 0, response }));
  });
}

async function main() {
  if (mode === 'health') {
    const health = new Health(target, credentials);
    print(await call(health, 'Check', { service: '' }, new grpc.Metadata()));
  }

  const licensing = new Licensing(target, credentials);
  if (mode === 'call') {
    const [method, json, ...pairs] = rest;
    print(await call(licensing, method, JSON.parse(json), metadataOf(pairs)));
  }

  if (mode === 'every-method') {
    const codes = {};
    for (const method of Object.keys(Licensing.service)) {
      codes[method] = (await call(licensing, method, {}, metadataOf(rest))).code;
    }
    print(codes);
  }

  throw new Error(`unknown mode ${mode}`);
}

main().catch((error) => { console.error(error); process.exit(1); });
