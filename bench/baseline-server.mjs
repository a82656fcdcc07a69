// The benchmark's baseline: a plain `node:http` server that answers one path with bytes captured from the app
// (same status, same Content-Type, same body). It is the ceiling a Node process on one core reaches for that
// response, so the app's requests/s divided by this one's shows what the framework and the read path cost.
//
//   node bench/baseline-server.mjs --path /api/v1/meta --body-file body.bin --content-type 'application/json'
//
// Listens on 127.0.0.1 (a free port unless --port is given) and prints `listening <port>` once it is ready.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    path: { type: 'string' },
    'body-file': { type: 'string' },
    'content-type': { type: 'string', default: 'application/octet-stream' },
    status: { type: 'string', default: '200' },
    port: { type: 'string', default: '0' },
  },
});
if (!values.path || !values['body-file']) {
  console.error('usage: baseline-server.mjs --path <path?query> --body-file <file> [--content-type T] [--status N]');
  process.exit(2);
}

const path = values.path;
const status = Number(values.status);
const body = readFileSync(values['body-file']);
/** Built once: the point of the baseline is that nothing is computed per request. */
const headers = { 'Content-Type': values['content-type'], 'Content-Length': String(body.length) };
const notFound = Buffer.from('not found\n');

const server = createServer((request, response) => {
  if (request.url === path) {
    response.writeHead(status, headers);
    response.end(body);
  } else {
    response.writeHead(404, { 'Content-Type': 'text/plain', 'Content-Length': String(notFound.length) });
    response.end(notFound);
  }
});

server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : values.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
  });
}
