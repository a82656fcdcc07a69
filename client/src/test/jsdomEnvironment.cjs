/**
 * jsdom without the Fetch API: react-router's data routers build a `Request` for every navigation, and
 * TanStack Query passes abort signals to it. This environment hands the page Node's own (standard) classes.
 * `fetch` itself stays absent: a test that forgets to mock it fails instead of reaching the network.
 */
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = [
  'Request',
  'Response',
  'Headers',
  'FormData',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
];

class JsdomWithFetchClassesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = JsdomWithFetchClassesEnvironment;
