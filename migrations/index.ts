import type { MigrationInterface } from 'typeorm';
import { Initial1795816963161 } from './1795816963161-Initial.js';

/** Every migration, oldest first. `npm run migration:generate -- Name` writes a file here and adds it to this list. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [Initial1795816963161];
