import type { JSX } from 'react';
import type { Project } from '../../../../shared/domain';
import './MoveToProject.css';

interface Props {
  /** The field's accessible name: "Move selected to project", "Move clip to project". */
  label: string;
  projects: readonly Project[];
  /** The project the clips are in, left out of the choices. */
  currentProjectId: number;
  onMove: (projectId: number) => void;
}

/**
 * "Move to…": the projects a clip or the chosen clips can go to. As narrow as its place allows,
 * however long a project's name, so it never spills over the panel beside it.
 */
export function MoveToProject({ label, projects, currentProjectId, onMove }: Props): JSX.Element {
  const others = projects.filter((p) => p.id !== currentProjectId);
  return (
    <select
      className="field move-to"
      aria-label={label}
      value=""
      disabled={others.length === 0}
      title={others.length === 0 ? 'No other project to move to' : undefined}
      onChange={(event) => onMove(Number(event.target.value))}
    >
      <option value="" disabled>
        Move to…
      </option>
      {others.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
