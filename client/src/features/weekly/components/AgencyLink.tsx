import { Link } from 'react-router-dom';
import { LocalizedName } from '../../../components/LocalizedName';
import type { ReportAgency } from '../api/types';

/** An agency named in the brief, in the active language, linking to its page. */
export function AgencyLink({ agency }: { agency: ReportAgency }) {
  return (
    <Link to={`/agencies/${encodeURIComponent(agency.id)}`}>
      <LocalizedName entity={agency} />
    </Link>
  );
}
