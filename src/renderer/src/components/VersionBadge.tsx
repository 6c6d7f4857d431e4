import type { JSX } from 'react';
import './VersionBadge.css';

/**
 * A clip's number in its family, "v2", before its title wherever versions are listed (the list
 * view, the Lineage tree), so remixes whose titles read alike are told apart at a glance.
 */
export function VersionBadge({ version }: { version: number }): JSX.Element {
  return (
    <span className="badge version-badge tabular" title={`Version ${version} of its family, in the order made`}>
      v{version}
    </span>
  );
}
