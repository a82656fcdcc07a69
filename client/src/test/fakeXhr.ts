/**
 * A stand-in for `XMLHttpRequest` (jsdom's would try the network): each request waits until the test reports
 * upload progress and answers it.
 */
export class FakeXhr {
  static requests: FakeXhr[] = [];

  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: unknown) {
    this.body = body;
    FakeXhr.requests.push(this);
  }

  abort() {
    this.onabort?.();
  }

  /** Reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }

  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }

  /** The file sent in the multipart field. */
  file(field = 'file'): File | null {
    return this.body instanceof FormData ? (this.body.get(field) as File | null) : null;
  }
}

export function installFakeXhr(): typeof FakeXhr {
  FakeXhr.requests = [];
  global.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  return FakeXhr;
}
