import { createHash } from 'node:crypto';
import { PassThrough, Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import archiver from 'archiver';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { isoToJalali } from '../../common/dates/jalali.js';
import type { DownloadName } from '../../common/spreadsheet/content-disposition.js';
import { createCsvStream } from '../../common/spreadsheet/write-csv.js';
import { selectDatasetKind } from '../meta/meta.queries.js';
import { DEMO_NOTICE } from '../meta/meta.service.js';
import { columnsOf, dataPackageOf, pathOf, type FileFacts } from './open-data.descriptor.js';
import { streamQuery } from './open-data.queries.js';
import { OPEN_DATA_RESOURCES, type OpenDataResource } from './open-data.resources.js';

export interface OpenDataBundle extends DownloadName {
  body: Readable;
}

/** Counts and hashes the bytes that pass through it. */
class FileMeter extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * The open-data bundle: a zip of every public table as CSV (the shared CSV writer) and its Frictionless
 * `datapackage.json`, written as it is read. One connection, one read-only REPEATABLE READ transaction (every table
 * as of the same instant), one server-side cursor at a time: memory holds a batch of rows and the zip's window,
 * whatever the tables' size, and reading waits while the client downloads slowly.
 */
@Injectable()
export class OpenDataService {
  private readonly logger = new Logger('OpenData');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bundle(now: Date = new Date()): Promise<OpenDataBundle> {
    const demo = (await selectDatasetKind(this.dataSource.manager)) === 'demo';
    const archive = archiver('zip', { zlib: { level: 6 } });
    const output = new PassThrough();
    archive.on('error', (error: Error) => output.destroy(error));
    archive.on('warning', (error: Error) => this.logger.warn(`open-data zip: ${error.message}`));
    archive.pipe(output);
    // The client went away (or the answer failed): stop reading at once and give the connection back. (After a
    // complete download this fires too, when nothing is left to stop.)
    const hangUp = new AbortController();
    output.once('close', () => hangUp.abort());
    void this.write(archive, now, demo, hangUp.signal).catch((error: Error) => {
      if (!hangUp.signal.aborted) this.logger.error(`open-data bundle failed: ${error.message}`);
      archive.abort();
      output.destroy(hangUp.signal.aborted ? undefined : error);
    });
    const day = isoToJalali(tehranToday(now)).replaceAll('/', '-');
    return { fileName: `open-data-${day}.zip`, fileNameFa: `داده-باز-${day}.zip`, body: output };
  }

  private async write(
    archive: ReturnType<typeof archiver>,
    now: Date,
    demo: boolean,
    signal: AbortSignal,
  ): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const facts = new Map<string, FileFacts>();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      for (const resource of OPEN_DATA_RESOURCES) {
        signal.throwIfAborted();
        facts.set(resource.name, await this.appendTable(archive, client, resource, now, signal));
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    const descriptor = dataPackageOf(OPEN_DATA_RESOURCES, facts, {
      created: now,
      demo,
      ...(demo ? { notice: DEMO_NOTICE } : {}),
    });
    archive.append(`${JSON.stringify(descriptor, null, 2)}\n`, { name: 'datapackage.json', date: now });
    await archive.finalize();
  }

  /** One table: cursor → CSV writer → meter → zip entry; resolves when the entry is in the zip. */
  private async appendTable(
    archive: ReturnType<typeof archiver>,
    client: PoolClient,
    resource: OpenDataResource,
    now: Date,
    signal: AbortSignal,
  ): Promise<FileFacts> {
    const rows = streamQuery(client, resource.sql, resource.sql.includes('$1') ? [now] : []);
    const meter = new FileMeter();
    const entered = new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        archive.off('entry', onEntry);
        archive.off('error', onError);
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const onEntry = () => done();
      const onError = (error: Error) => done(error);
      const onAbort = () => done(signal.reason as Error);
      archive.once('entry', onEntry);
      archive.once('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    archive.append(meter, { name: pathOf(resource), date: now });
    // Aborted (the client hung up), the pipeline destroys the cursor's stream, which closes the cursor.
    await Promise.all([pipeline(rows, createCsvStream(columnsOf(resource)), meter, { signal }), entered]);
    return { bytes: meter.bytes, sha256: meter.digest() };
  }
}
