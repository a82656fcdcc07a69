import { apiErrorFromBody } from './http';

export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send, when the browser knows. */
  total: number | null;
}

export interface UploadOptions {
  /** The multipart field the file goes in. */
  fieldName?: string;
  /** Called as the request body goes out (`XMLHttpRequest.upload.onprogress`). */
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * POSTs one file as `multipart/form-data` and returns the parsed JSON reply. Uses `XMLHttpRequest` rather than
 * `fetch` because only XHR reports upload progress. Same origin, so the session cookie goes along.
 * @throws ApiError on a non-2xx status (with the server's messages and `details`), `Error` on a network failure,
 *   a `DOMException` named `AbortError` when `signal` aborts.
 */
export function uploadFile<T>(path: string, file: Blob & { name?: string }, options: UploadOptions = {}): Promise<T> {
  const { fieldName = 'file', onProgress, signal } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('The upload was aborted.', 'AbortError'));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('Accept', 'application/json');
    request.upload.onprogress = (event: ProgressEvent) => {
      onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    };
    request.onload = () => {
      const body = parseJson(request.responseText);
      if (request.status >= 200 && request.status < 300) {
        resolve(body as T);
      } else {
        reject(apiErrorFromBody(request.status, body));
      }
    };
    request.onerror = () => reject(new Error('The upload failed: the server could not be reached.'));
    request.onabort = () => reject(new DOMException('The upload was aborted.', 'AbortError'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });

    const form = new FormData();
    form.append(fieldName, file, file.name ?? 'upload');
    request.send(form);
  });
}
