// A grpc-js server of interop.v1.Echo and grpc.health.v1.Health. Prints "PORT <n>" once listening.
'use strict';
const { grpc, interop, health, limits } = require('./protos');

function unary(call, callback) {
  const request = call.request;
  const ascii = call.metadata.get('x-ascii')[0];
  const bin = call.metadata.get('x-bin-bin')[0];
  const finish = () => {
    if (ascii !== undefined || bin !== undefined) {
      const headers = new grpc.Metadata();
      if (ascii !== undefined) headers.set('x-ascii-echo', ascii);
      if (bin !== undefined) headers.set('x-bin-echo-bin', bin);
      call.sendMetadata(headers);
    }
    if (request.failCode) {
      const trailers = new grpc.Metadata();
      trailers.set('x-error-detail', 'present');
      callback({ code: request.failCode, details: request.failMessage, metadata: trailers });
      return;
    }
    const trailers = new grpc.Metadata();
    if (ascii !== undefined) trailers.set('x-ascii-trailer', ascii);
    if (bin !== undefined) trailers.set('x-bin-trailer-bin', bin);
    callback(null, {
      message: request.message,
      payload: request.replyPayloadSize > 0 ? Buffer.alloc(request.replyPayloadSize, 7) : request.payload,
      metadataAscii: ascii || '',
      metadataBin: bin || Buffer.alloc(0),
      traceparent: call.metadata.get('traceparent')[0] || '',
    }, trailers);
  };
  if (request.delayMs > 0) {
    const timer = setTimeout(finish, request.delayMs);
    call.on('cancelled', () => clearTimeout(timer));
  } else {
    finish();
  }
}

function stream(call) {
  const { count, payloadSize } = call.request;
  for (let i = 0; i < count; i++) {
    call.write({ index: i, payload: Buffer.alloc(payloadSize, i % 256) });
  }
  call.end();
}

function check(call, callback) {
  const service = call.request.service;
  if (service === '' || service === 'interop.v1.Echo') {
    callback(null, { status: 'SERVING' });
  } else {
    callback({ code: grpc.status.NOT_FOUND, details: 'unknown service' });
  }
}

const server = new grpc.Server(limits);
server.addService(interop.Echo.service, { Unary: unary, Stream: stream });
server.addService(health.Health.service, { Check: check });
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error);
    process.exit(1);
  }
  console.log(`PORT ${port}`);
});
process.on('SIGTERM', () => server.forceShutdown());
