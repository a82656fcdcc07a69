import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller.js';
import { CatalogueService } from './catalogue.service.js';

/**
 * The catalogue: what each agency offers and runs. It owns the tables `e_service` (services, their place in the
 * agency's inventory and the days they reached each stage), `agency_system` (the systems that carry them) and
 * `service_stage_event` (the append-only ledger of those days), and the stage vocabulary in stages.ts.
 *
 * Here: the inventory (adding a service, withdrawing one). The progress module (and the spreadsheet import)
 * records stages, and the agencies module reads them. AuditService and Transactions come from their global modules.
 */
@Module({
  controllers: [CatalogueController],
  providers: [CatalogueService],
})
export class CatalogueModule {}
