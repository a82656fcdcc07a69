import { Link } from 'react-router-dom';
import { LocalizedName } from '../../../components/LocalizedName';
import { AgencyResponseMark } from '../../responses';
import type { ReportAgency } from '../api/types';

/** An agency named in the brief, in the active language, linking to its page; beside it, its reply to the week's report. */
export function AgencyLink({ agency }: { agency: ReportAgency }) {
  return (
    <>
      <Link to={`/agencies/${encodeURIComponent(agency.id)}`}>
        <LocalizedName entity={agency} />
      </Link>
      <AgencyResponseMark agencyId={agency.id} />
    </>
  );
}
