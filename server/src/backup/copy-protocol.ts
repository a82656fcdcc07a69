import { once } from 'node:events';
import type pg from 'pg';

/**
 * PostgreSQL's COPY sub-protocol through `pg` (which speaks it but ships no stream for it): a query object that
 * `client.query()` accepts and that the client hands the COPY messages to. Use on a client of your own, one COPY
 * at a time. `COPY … TO STDOUT` gives its data chunk by chunk; `COPY … FROM STDIN` sends what a source yields.
 */

interface CopyDataMessage {
  chunk: Buffer;
}

interface CommandCompleteMessage {
  text: string;
}

/** The part of pg's Connection a COPY uses (not in @types/pg). */
interface CopyConnection {
  stream: NodeJS.ReadWriteStream & { writableNeedDrain?: boolean };
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
}

abstract class CopyQuery implements pg.Submittable {
  /** Rows copied, from the server's `COPY n` command tag. */
  rows = 0;
  readonly done: Promise<number>;
  protected settle!: { resolve: (rows: number) => void; reject: (error: unknown) => void };
  protected failed = false;

  constructor(protected readonly text: string) {
    this.done = new Promise<number>((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCommandComplete(message: CommandCompleteMessage): void {
    const match = /^COPY (\d+)$/.exec(message.text);
    if (match) this.rows = Number(match[1]);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.settle.resolve(this.rows);
  }

  handleError(error: unknown): void {
    this.failed = true;
    this.settle.reject(error);
  }

  // Messages a COPY does not get; the client calls them on any query, so they must exist.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handlePortalSuspended(): void {}
  handleEmptyQuery(): void {}
  handleCopyInResponse(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).sendCopyFail('this query expects COPY TO, not COPY FROM');
  }
  handleCopyData(_message: CopyDataMessage, _connection: pg.Connection): void {}
}

class CopyOut extends CopyQuery {
  private paused = false;

  constructor(
    text: string,
    private readonly sink: NodeJS.WritableStream,
    private readonly onChunk: (chunk: Buffer) => void,
  ) {
    super(text);
  }

  override handleCopyData(message: CopyDataMessage, connection: pg.Connection): void {
    // A copy: the chunk is a view of pg's read buffer, which it reuses while the sink may still hold the bytes.
    const chunk = Buffer.from(message.chunk);
    this.onChunk(chunk);
    // Backpressure: stop reading from PostgreSQL while the sink is full.
    if (!this.sink.write(chunk) && !this.paused) {
      const socket = (connection as unknown as CopyConnection).stream;
      this.paused = true;
      socket.pause();
      this.sink.once('drain', () => {
        this.paused = false;
        socket.resume();
      });
    }
  }
}

class CopyIn extends CopyQuery {
  constructor(
    text: string,
    private readonly source: AsyncIterable<Buffer>,
  ) {
    super(text);
  }

  override handleCopyInResponse(connection: pg.Connection): void {
    void this.pump(connection as unknown as CopyConnection);
  }

  private async pump(connection: CopyConnection): Promise<void> {
    try {
      for await (const chunk of this.source) {
        if (this.failed) return; // the server refused the data; it ignores what is still in flight
        connection.sendCopyFromChunk(chunk);
        if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
      }
      if (!this.failed) connection.endCopyFrom();
    } catch (error) {
      // The source broke (a truncated or corrupt file): abort the COPY, and report the source's error.
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
      this.failed = true;
      this.settle.reject(error);
    }
  }
}

/** Runs `COPY … TO STDOUT`, writing its data to `sink` (and each chunk to `onChunk`); resolves to the row count. */
export function copyOut(
  client: pg.Client,
  text: string,
  sink: NodeJS.WritableStream,
  onChunk: (chunk: Buffer) => void = () => undefined,
): Promise<number> {
  return client.query(new CopyOut(text, sink, onChunk)).done;
}

/** Runs `COPY … FROM STDIN` with the bytes `source` yields; resolves to the row count. */
export function copyIn(client: pg.Client, text: string, source: AsyncIterable<Buffer>): Promise<number> {
  return client.query(new CopyIn(text, source)).done;
}
