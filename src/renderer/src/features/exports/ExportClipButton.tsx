import { useState, type JSX } from 'react';
import type { Clip } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { ExportClipsDialog } from './ExportClipsDialog';

/** The inspector's "Export clip": the clip's file out of the library, with its metadata inside. */
export function ExportClipButton({ clip }: { clip: Clip }): JSX.Element {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="btn btn--sm"
        title="Save the clip as a file with its prompt, seed, provider and model"
        onClick={() => setOpen(true)}
      >
        <Icon name="export" size={14} />
        Export clip
      </button>
      {open && <ExportClipsDialog clipIds={[clip.id]} title={clip.title} onClose={() => setOpen(false)} />}
    </>
  );
}
