// The Node.js flags the portal server runs with (`npm start`, and the tests' server processes).
//
// --max-semi-space-size=16 (MB): Node 24's V8 lets the young generation grow far larger than Node
// 20's did (16 MB). The server's garbage is short-lived and plentiful while it streams big lists,
// so that space filled up before each scavenge: ten whole lists of 100,000 devices at once lifted
// its RSS from about 200 MB to 374 MB (tests/reliability/list-memory.test.ts); with 16 MB to 245 MB,
// as on Node 20.
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];
