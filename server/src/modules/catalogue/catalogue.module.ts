import { Module } from '@nestjs/common';

/**
 * The catalogue: what each agency offers and runs. It owns the tables `e_service` (services and the days they
 * reached each stage), `agency_system` (the systems that carry them) and `service_stage_event` (the append-only
 * ledger of those days), and the stage vocabulary in stages.ts.
 *
 * No providers yet: today the progress module (and the spreadsheet import) records stages and the agencies module
 * reads them. The catalogue's own reads and writes (services and systems as things: adding, renaming, moving a
 * service to another system, its `catalogue.queries.ts`) will live here next.
 */
@Module({})
export class CatalogueModule {}
