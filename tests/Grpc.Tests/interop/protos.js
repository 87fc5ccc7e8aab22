// Loads the interop and health protos the same way for the server and the client.
'use strict';
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const options = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true };
const load = (file) => grpc.loadPackageDefinition(loader.loadSync(file, options));

module.exports = {
  grpc,
  interop: load(path.join(__dirname, '..', 'Protos', 'interop.proto')).interop.v1,
  health: load(path.join(__dirname, '..', '..', '..', 'protos', 'health.proto')).grpc.health.v1,
  limits: { 'grpc.max_receive_message_length': 16 * 1024 * 1024, 'grpc.max_send_message_length': 16 * 1024 * 1024 },
};
