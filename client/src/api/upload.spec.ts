import { installFakeXhr } from '../test/fakeXhr';
import { ApiError } from './http';
import { uploadFile } from './upload';

describe('uploadFile', () => {
  it('posts the file as multipart form data and reports the upload’s progress', async () => {
    const xhr = installFakeXhr();
    const onProgress = jest.fn();
    const file = new File(['a,b\n1,2\n'], 'progress.csv', { type: 'text/csv' });
    const reply = uploadFile<{ rowCount: number }>('/api/v1/imports/progress/preview', file, { onProgress });

    const request = xhr.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/v1/imports/progress/preview');
    expect(request.file()?.name).toBe('progress.csv');
    request.progress(4, 8);
    expect(onProgress).toHaveBeenLastCalledWith({ loaded: 4, total: 8 });
    request.respond(200, { rowCount: 1 });
    await expect(reply).resolves.toEqual({ rowCount: 1 });
  });

  it('turns an error reply into an ApiError with the server’s details', async () => {
    const xhr = installFakeXhr();
    const reply = uploadFile('/api/v1/imports/scores/commit', new File(['x'], 'scores.csv'));
    xhr.requests[0]!.respond(400, {
      statusCode: 400,
      error: 'IMPORT_HAS_PROBLEMS',
      message: { fa: 'فایل مشکل دارد.', en: 'The file has problems.' },
      details: [{ row: 2, column: 'date', code: 'INVALID_DATE', fa: 'تاریخ نادرست', en: 'Bad date' }],
    });
    const error = await reply.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'IMPORT_HAS_PROBLEMS', details: [{ row: 2, column: 'date' }] });
  });

  it('rejects on a network failure and on abort', async () => {
    const xhr = installFakeXhr();
    const failed = uploadFile('/x', new File(['x'], 'a.csv'));
    xhr.requests[0]!.onerror?.();
    await expect(failed).rejects.toThrow('could not be reached');

    const controller = new AbortController();
    const aborted = uploadFile('/x', new File(['x'], 'a.csv'), { signal: controller.signal });
    controller.abort();
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
  });
});
