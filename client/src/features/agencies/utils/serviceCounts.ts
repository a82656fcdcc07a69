import type { Audience, AgencyService } from '../api/getAgencyServices';
import type { ServiceStage } from '../api/getAgency';

export const AUDIENCES: readonly Audience[] = ['g2c', 'g2b', 'g2g'];
export const STAGES: readonly ServiceStage[] = ['not_electronic', 'electronic', 'single_window', 'national_window'];

export interface ServiceCounts {
  /** Services by audience, then by stage. */
  byAudience: Record<Audience, Record<ServiceStage, number>>;
  byStage: Record<ServiceStage, number>;
  /** Services by audience, every stage together. */
  audienceTotals: Record<Audience, number>;
  total: number;
  /** Of `total`, the services withdrawn from the inventory (the server still lists and counts them). */
  withdrawn: number;
}

function zeroByStage(): Record<ServiceStage, number> {
  return { not_electronic: 0, electronic: 0, single_window: 0, national_window: 0 };
}

/** How many of the agency's services each audience has at each stage. */
export function countServices(services: readonly AgencyService[]): ServiceCounts {
  const byAudience = { g2c: zeroByStage(), g2b: zeroByStage(), g2g: zeroByStage() };
  const byStage = zeroByStage();
  const audienceTotals = { g2c: 0, g2b: 0, g2g: 0 };
  let withdrawn = 0;
  for (const service of services) {
    byAudience[service.audience][service.stage] += 1;
    byStage[service.stage] += 1;
    audienceTotals[service.audience] += 1;
    if (service.withdrawnOn !== null) withdrawn += 1;
  }
  return { byAudience, byStage, audienceTotals, total: services.length, withdrawn };
}

/** The chart's colour for each stage, from the least to the most advanced (each ≥ 3:1 against white). */
export const STAGE_COLOURS: Record<ServiceStage, string> = {
  not_electronic: '#6b7280',
  electronic: '#b45309',
  single_window: '#3b82f6',
  national_window: '#0b5394',
};
