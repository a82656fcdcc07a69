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
  // FormData only takes its own realm's Blob and File (uploads in tests build files with these).
  'Blob',
  'File',
  'AbortController',
  'AbortSignal',
  'TextEncoder',
  'TextDecoder',
  'ReadableStream',
];

/**
 * Node's FormData that can also be built from a jsdom <form> (React builds one from the submitted form while a
 * transition is running). String fields are copied; file fields are left out (jsdom's File is not Node's Blob).
 */
function formDataAcrossRealms(JsdomFormData) {
  return class FormData extends globalThis.FormData {
    constructor(form, submitter) {
      super();
      if (form === undefined) return;
      for (const [name, value] of new JsdomFormData(form, submitter)) {
        if (typeof value === 'string') this.append(name, value);
      }
    }
  };
}

class JsdomWithFetchClassesEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    const JsdomFormData = this.global.FormData;
    for (const name of FROM_NODE) {
      this.global[name] = globalThis[name];
    }
    this.global.FormData = formDataAcrossRealms(JsdomFormData);
  }
}

module.exports = JsdomWithFetchClassesEnvironment;
