/**
 * The part of archiver 5's API the open-data bundle uses (the package ships no types; `@types/archiver@5` would
 * replace this declaration).
 */
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream';

  interface EntryData {
    name: string;
    date?: Date;
  }

  interface ArchiverOptions {
    zlib?: { level?: number };
  }

  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: EntryData): this;
    finalize(): Promise<void>;
    abort(): this;
    pointer(): number;
  }

  function archiver(format: 'zip', options?: ArchiverOptions): Archiver;

  export = archiver;
}
