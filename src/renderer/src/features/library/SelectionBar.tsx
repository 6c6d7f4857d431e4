import { useState, type JSX } from 'react';
import type { Project } from '../../../../shared/domain';
import { COLOR_LABELS } from '../../../../shared/library/labels';
import { Icon } from '../../components/Icon';
import { MenuButton } from '../../components/MenuButton';
import { ExportClipsDialog } from '../exports/ExportClipsDialog';
import { COLOR_NAMES } from './ClipMarks';
import { MoveToProject } from './MoveToProject';
import { useOrganise } from './OrganiseHistory';
import { TagInput } from './TagInput';
import './SelectionBar.css';

interface Props {
  ids: readonly number[];
  projects: readonly Project[];
  currentProjectId: number;
  onMove: (projectId: number) => void;
  onTrash: () => void;
  onClear: () => void;
  onError: (title: string, error: unknown) => void;
}

/** Actions on several chosen clips at once. */
export function SelectionBar({
  ids,
  projects,
  currentProjectId,
  onMove,
  onTrash,
  onClear,
  onError,
}: Props): JSX.Element {
  const organise = useOrganise();
  const [exporting, setExporting] = useState<readonly number[] | null>(null);
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected clips" data-library-focus>
      <span className="selection-bar__count tabular">{ids.length.toLocaleString('en')} selected</span>
      <select
        className="field selection-bar__field"
        aria-label="Rate selected"
        value=""
        onChange={(event) =>
          void organise
            .rate(ids, Number(event.target.value))
            .catch((e: unknown) => onError('Could not rate the clips', e))
        }
      >
        <option value="" disabled>
          Rate…
        </option>
        {[5, 4, 3, 2, 1].map((n) => (
          <option key={n} value={n}>
            {'★'.repeat(n)}
          </option>
        ))}
        <option value={0}>No rating</option>
      </select>
      <select
        className="field selection-bar__field"
        aria-label="Colour label selected"
        value=""
        onChange={(event) => {
          const picked = COLOR_LABELS.find((color) => color === event.target.value) ?? null;
          void organise.color(ids, picked).catch((e: unknown) => onError('Could not label the clips', e));
        }}
      >
        <option value="" disabled>
          Label…
        </option>
        {COLOR_LABELS.map((color) => (
          <option key={color} value={color}>
            {COLOR_NAMES[color]}
          </option>
        ))}
        <option value="none">No label</option>
      </select>
      <MoveToProject
        label="Move selected to project"
        projects={projects}
        currentProjectId={currentProjectId}
        onMove={onMove}
      />
      <TagInput
        className="selection-bar__tag"
        label="Tag selected"
        placeholder="Tag selected…"
        onEscapeEmpty={onClear}
        onAdd={(tags) => {
          void organise.addTags(ids, tags).catch((e: unknown) => onError('Could not tag the clips', e));
        }}
      />
      <MenuButton
        label="More actions on selected"
        title="More actions on the selected clips"
        items={[
          { label: 'Export clip', hint: 'MP4 with its prompt', run: () => setExporting([...ids]) },
          {
            label: 'Pick',
            hint: 'P',
            run: () => void organise.flag(ids, 'pick').catch((e: unknown) => onError('Could not flag the clips', e)),
          },
          {
            label: 'Reject',
            hint: 'X',
            run: () => void organise.flag(ids, 'reject').catch((e: unknown) => onError('Could not flag the clips', e)),
          },
          {
            label: 'Clear flag',
            run: () => void organise.flag(ids, null).catch((e: unknown) => onError('Could not flag the clips', e)),
          },
        ]}
      >
        <span className="selection-bar__more-icon">
          <Icon name="more" size={14} />
        </span>
        <span className="selection-bar__more-word">
          More
          <span aria-hidden="true">▾</span>
        </span>
      </MenuButton>
      <button
        type="button"
        className="btn btn--sm btn--danger-quiet selection-bar__trash"
        title={`Move the ${ids.length.toLocaleString('en')} selected clips to the Trash`}
        onClick={onTrash}
      >
        <Icon name="trash" size={14} />
        <span className="btn__label">Move to Trash</span>
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label="Clear selection"
        title="Clear selection (Esc)"
        onClick={onClear}
      >
        <Icon name="close" size={14} />
      </button>
      {exporting && <ExportClipsDialog clipIds={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}
