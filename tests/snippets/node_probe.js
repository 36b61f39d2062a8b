// SPDX-License-Identifier: MIT
// Feeds a generated snippet or URI to the real mysql2 package and prints what it read, as JSON.
// stdin: {"mode": "parse_uri" | "exec", "text": ..., "env": {...}}. Used by tst_snippetparsers.
// parse_uri answers the parsed connection fields plus the raw keys parseUrl() produced.
'use strict';
const { ConnectionConfig } = require('mysql2');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const request = JSON.parse(input);
  Object.assign(process.env, request.env || {});
  let result;
  if (request.mode === 'parse_uri') {
    // What createPool({uri}) does: parseUrl(), then the constructor's defaults (port 3306).
    const c = new ConnectionConfig(request.text);
    result = { host: c.host, port: c.port, user: c.user, password: c.password, database: c.database,
               charsetNumber: c.charsetNumber, keys: Object.keys(ConnectionConfig.parseUrl(request.text)) };
  } else if (request.mode === 'exec') {
    // The snippet ends with `const pool = …`; creating a pool opens no connection.
    const run = new Function('require', 'process', request.text + '\nreturn pool;');
    const pool = run(require, process);
    const c = pool.config.connectionConfig;
    result = { host: c.host, port: c.port, user: c.user, password: c.password, database: c.database,
               charsetNumber: c.charsetNumber, ssl: c.ssl ? Object.keys(c.ssl).sort() : null,
               connectionLimit: pool.config.connectionLimit };
    pool.end(() => {});
  } else {
    throw new Error('unknown mode ' + request.mode);
  }
  process.stdout.write(JSON.stringify(result));
});
