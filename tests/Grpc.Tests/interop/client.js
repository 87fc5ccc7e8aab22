// A grpc-js client of interop.v1.Echo and grpc.health.v1.Health.
// Usage: node client.js <host:port> <scenario>; prints one JSON line with what it observed.
'use strict';
const { grpc, interop, health, limits } = require('./protos');

const [target, scenario] = process.argv.slice(2);
const credentials = grpc.credentials.createInsecure();
const echo = new interop.Echo(target, credentials, limits);
const print = (result) => { console.log(JSON.stringify(result)); process.exit(0); };
const hex = (buffer) => (buffer ? Buffer.from(buffer).toString('hex') : null);

const scenarios = {
  unary() {
    echo.Unary({ message: 'hello from grpc-js' }, (error, reply) =>
      print({ code: error ? error.code : 0, message: reply && reply.message }));
  },
  error() {
    echo.Unary({ failCode: grpc.status.NOT_FOUND, failMessage: 'Lizenz nicht gefunden: ключ ✓ 100%' }, (error) =>
      print({ code: error.code, details: error.details, trailer: error.metadata.get('x-error-detail')[0] || null }));
  },
  deadline() {
    const started = Date.now();
    echo.Unary({ message: 'slow', delayMs: 5000 }, { deadline: Date.now() + 300 }, (error) =>
      print({ code: error ? error.code : 0, elapsedMs: Date.now() - started }));
  },
  metadata() {
    const metadata = new grpc.Metadata();
    metadata.set('x-ascii', 'ascii value 1');
    metadata.set('x-bin-bin', Buffer.from([0, 1, 2, 250, 251, 255]));
    let headers = null;
    const call = echo.Unary({ message: 'metadata' }, metadata, (error, reply) => {
      call.on('status', (status) => print({
        code: error ? error.code : 0,
        replyAscii: reply.metadataAscii,
        replyBin: hex(reply.metadataBin),
        headerAscii: headers.get('x-ascii-echo')[0] || null,
        headerBin: hex(headers.get('x-bin-echo-bin')[0]),
        trailerAscii: status.metadata.get('x-ascii-trailer')[0] || null,
        trailerBin: hex(status.metadata.get('x-bin-trailer-bin')[0]),
      }));
    });
    call.on('metadata', (received) => { headers = received; });
  },
  stream() {
    let count = 0;
    let ordered = true;
    const call = echo.Stream({ count: 1000, payloadSize: 64 });
    call.on('data', (reply) => {
      if (reply.index !== count || reply.payload.length !== 64) ordered = false;
      count++;
    });
    call.on('error', (error) => print({ code: error.code, count, ordered }));
    call.on('status', (status) => { if (status.code === 0) print({ code: 0, count, ordered }); });
  },
  large() {
    const size = 4 * 1024 * 1024;
    echo.Unary({ message: 'large', payload: Buffer.alloc(size, 9), replyPayloadSize: size }, (error, reply) =>
      print({ code: error ? error.code : 0, payloadLength: reply ? reply.payload.length : null }));
  },
  unknown() {
    echo.Missing({ message: 'x' }, (missingError) => {
      const raw = new grpc.Client(target, credentials);
      raw.makeUnaryRequest('/interop.v1.NoSuchService/Nothing', (x) => x, (x) => x, Buffer.alloc(0), (error) =>
        print({ declaredCode: missingError.code, unknownCode: error.code, unknownDetails: error.details }));
    });
  },
  health() {
    const client = new health.Health(target, credentials);
    client.Check({ service: '' }, (error, overall) =>
      client.Check({ service: 'interop.v1.Echo' }, (error2, echoStatus) =>
        client.Check({ service: 'no.such.Service' }, (error3) =>
          print({
            overall: overall ? overall.status : `error ${error.code}`,
            echo: echoStatus ? echoStatus.status : `error ${error2.code}`,
            unknownCode: error3 ? error3.code : 0,
          }))));
  },
};

if (!scenarios[scenario]) {
  console.error(`unknown scenario ${scenario}`);
  process.exit(2);
}
scenarios[scenario]();
