import type { MigrationInterface } from 'typeorm';
import { Initial1795816963161 } from './1795816963161-Initial.js';
import { UserSessions1795818768507 } from './1795818768507-UserSessions.js';
import { LedgerSupersedesIndexes1795820358594 } from './1795820358594-LedgerSupersedesIndexes.js';
import { DataChangeNotify1795830000000 } from './1795830000000-DataChangeNotify.js';
import { ComplianceAndReports1796189123162 } from './1796189123162-ComplianceAndReports.js';
import { AgencyResponses1796250000000 } from './1796250000000-AgencyResponses.js';
import { ComplianceTotals1796300000000 } from './1796300000000-ComplianceTotals.js';
import { CalendarDays1796310000000 } from './1796310000000-CalendarDays.js';

/** Every migration, oldest first. `npm run migration:generate -- Name` writes a file here and adds it to this list. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795816963161,
  UserSessions1795818768507,
  LedgerSupersedesIndexes1795820358594,
  DataChangeNotify1795830000000,
  ComplianceAndReports1796189123162,
  AgencyResponses1796250000000,
  ComplianceTotals1796300000000,
  CalendarDays1796310000000,
];
