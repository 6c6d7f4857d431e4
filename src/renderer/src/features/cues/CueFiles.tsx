import { Icon } from '../../components/Icon';
import { useRef, useState, type JSX } from 'react';
import type { SaveFileRequest } from '../../../../shared/bridge';
import { CUE_FILE_FORMATS } from '../../../../shared/cues/index';
import { CUE_FORMATS, type CueFormat } from '../../../../shared/cues/types';
import { studio } from '../../api/client';
import { messageOf } from '../../api/messages';
import { MenuButton, type MenuItem } from '../../components/MenuButton';

export const FORMAT_LABELS: Readonly<Record<CueFormat, string>> = {
  audacity: 'Audacity labels',
  srt: 'SRT subtitles',
  webvtt: 'WebVTT',
  csv: 'CSV',
  otio: 'OpenTimelineIO',
  edl: 'DaVinci Resolve EDL',
};

const EXTENSIONS: Readonly<Record<string, CueFormat>> = {
  txt: 'audacity',
  srt: 'srt',
  vtt: 'webvtt',
  csv: 'csv',
  otio: 'otio',
  edl: 'edl',
};

const cueCount = (count: number): string =>
  `${new Intl.NumberFormat('en').format(count)} ${count === 1 ? 'cue' : 'cues'}`;

/**
 * What the timeline says after an import: "Imported 3 cues.", and how many of the file's were
 * left out because the clip has them already (the same file imported twice).
 */
export function importedNotice(count: number, skipped = 0): string {
  if (count === 0 && skipped === 0) return 'The file held no cues to import.';
  if (count === 0)
    return skipped === 1
      ? 'Nothing imported: the file’s one cue is on this clip already.'
      : `Nothing imported: all ${cueCount(skipped)} of the file are on this clip already.`;
  const imported = `Imported ${cueCount(count)}`;
  return skipped === 0 ? `${imported}.` : `${imported}; skipped ${cueCount(skipped)} already on this clip.`;
}

/** The format a file's name implies; null when it must be asked. */
export function formatOfFile(name: string): CueFormat | null {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? null : (EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? null);
}

function download(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The desktop asks where to save; the browser studio downloads. Resolves with the saved path, or null. */
async function saveOrDownload(file: SaveFileRequest): Promise<string | null> {
  if (!studio.saveFile) {
    download(file.fileName, file.mimeType, file.text);
    return null;
  }
  const result = await studio.saveFile(file);
  if (result.outcome === 'failed') throw new Error(result.message);
  return result.outcome === 'saved' ? result.path : null;
}

export function ExportCuesMenu({
  clipId,
  disabled,
  onSaved,
}: {
  clipId: number;
  disabled: boolean;
  /** Told where the desktop saved the file. */
  onSaved?: (path: string) => void;
}): JSX.Element {
  const [error, setError] = useState<string | null>(null);

  function exportAs(format: CueFormat): void {
    studio
      .call('cues.export', { clipId, format })
      .then(saveOrDownload)
      .then(
        (path) => {
          setError(null);
          if (path !== null) onSaved?.(path);
        },
        (failure: unknown) => setError(messageOf(failure)),
      );
  }

  const items: MenuItem[] = CUE_FORMATS.map((format) => ({
    label: FORMAT_LABELS[format],
    hint: `.${CUE_FILE_FORMATS[format].extension}`,
    run: () => exportAs(format),
  }));

  return (
    <div className="cue-menu">
      <MenuButton label="Export cues" title="Export cues" menuLabel="Export cues as" items={items} disabled={disabled}>
        <Icon name="export" size={14} />
        <span className="cue-timeline__word">Export cues</span>
      </MenuButton>
      {error !== null && (
        <p className="cue-files__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function ImportCuesButton({
  importCues,
  onImported,
  onImporting,
}: {
  /** Reads the file into the clip (one undoable edit); answers what was added and skipped. */
  importCues: (format: CueFormat, text: string) => Promise<{ cues: readonly unknown[]; skipped: number }>;
  onImported: (count: number, skipped: number) => void;
  /** An import starts: what an earlier one said no longer holds. */
  onImporting?: () => void;
}): JSX.Element {
  const input = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  function send(text: string, format: CueFormat): void {
    setPending(null);
    setError(null);
    onImporting?.();
    importCues(format, text).then(
      ({ cues, skipped }) => onImported(cues.length, skipped),
      // The file travels as the call's `text`; its name adds nothing to the message.
      (failure: unknown) => setError(messageOf(failure, 'text')),
    );
  }

  return (
    <div className="cue-menu">
      <button type="button" className="btn btn--sm" title="Import cues" onClick={() => input.current?.click()}>
        <Icon name="import" size={14} />
        <span className="cue-timeline__word">Import cues</span>
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="Cue file"
        accept=".txt,.srt,.vtt,.csv,.otio,.edl"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (!file) return;
          void file.text().then((text) => {
            const format = formatOfFile(file.name);
            if (format) send(text, format);
            else setPending({ name: file.name, text });
          });
        }}
      />
      {pending && (
        <div className="menu-button__list" role="group" aria-label={`Which format is ${pending.name}?`}>
          <p className="cue-menu__ask">Which format is “{pending.name}”?</p>
          {CUE_FORMATS.map((format) => (
            <button key={format} type="button" onClick={() => send(pending.text, format)}>
              {FORMAT_LABELS[format]}
            </button>
          ))}
          <button type="button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      {error !== null && (
        <p className="cue-files__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
