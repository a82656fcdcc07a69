import { Module } from '@nestjs/common';

/**
 * Reports: the weekly report to the cabinet (`weekly_report`: one Iranian week's list of connected and delayed
 * agencies, frozen once published) and the agencies' official replies to it (`agency_response`).
 *
 * No providers yet. Next here: building the weekly report from the compliance status on its date, scheduling it
 * (behind a service that wraps @nestjs/schedule), publishing and verifying it, and recording agencies' replies
 * (which may later move to a `responses` module of their own).
 */
@Module({})
export class ReportsModule {}
