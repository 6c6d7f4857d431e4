import type { JSX } from 'react';
import type { NotUnderstood, RenderReport, SoundSource } from '../../../../shared/renderReport';
import { formatTime } from '../../../../shared/time';
import { Icon } from '../../components/Icon';
import { REPORT_FIELD_LABEL } from '../../format/reportField';
import { useRenderReport } from './useRenderReport';
import './RenderReportSection.css';

const SOURCE_TITLE: Record<SoundSource, string> = {
  directive: 'Asked for in the prompt',
  physics: 'Something in the scene hit or landed',
  action: 'Made by what someone does',
  dialogue: 'A spoken line',
  world: 'A sound of the place itself',
};

/** The built-in engine's render report on the selected clip; nothing at all for clips without one. */
export function RenderReportSection({ clipId }: { clipId: number }): JSX.Element | null {
  const state = useRenderReport(clipId);
  if (state.kind === 'loading' || state.kind === 'none') return null;
  return (
    <section className="report" aria-label="Render report">
      <h4 className="eyebrow">Render report</h4>
      {state.kind === 'failed' ? (
        <p className="report__failed" role="alert">
          <Icon name="warning" size={14} />
          <span>{state.message}</span>
        </p>
      ) : (
        <ReportBody report={state.report} />
      )}
    </section>
  );
}

/** Items that share a reason, in the order the engine first gave each reason. */
function byReason(items: readonly NotUnderstood[]): { reason: string; items: NotUnderstood[] }[] {
  const groups = new Map<string, NotUnderstood[]>();
  for (const item of items) {
    const group = groups.get(item.reason);
    if (group) group.push(item);
    else groups.set(item.reason, [item]);
  }
  return [...groups].map(([reason, grouped]) => ({ reason, items: grouped }));
}

function ReportBody({ report }: { report: RenderReport }): JSX.Element {
  const manyShots = report.shots.length > 1;
  const where = (item: NotUnderstood): string =>
    manyShots ? `Shot ${item.shot + 1} · ${REPORT_FIELD_LABEL[item.field]}` : REPORT_FIELD_LABEL[item.field];
  const missing = report.notUnderstood;
  return (
    <>
      {missing.length > 0 ? (
        <div className="report__missing" role="group" aria-label="Not understood">
          <h5 className="report__missing-head">
            <Icon name="warning" size={14} />
            Not understood <span className="badge">{missing.length}</span>
          </h5>
          {byReason(missing).map((group) => (
            <div key={group.reason} className="report__reason-group">
              <p className="report__reason sentence">{group.reason}</p>
              <ul className="report__chips" aria-label={`Not understood: ${group.reason}`}>
                {group.items.map((item, i) => (
                  <li
                    key={`${item.shot}:${item.field}:${item.text}:${i}`}
                    className="report__chip"
                    title={`${where(item)}: ${item.reason}`}
                  >
                    <span className="report__chip-text">{item.text}</span>
                    <span className="report__chip-field">{where(item)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : (
        <p className="report__clear">
          <Icon name="check" size={14} />
          Everything in the prompt was understood.
        </p>
      )}

      <h5 className="report__subhead">
        Sound events <span className="badge">{report.sounds.length}</span>
      </h5>
      {report.sounds.length > 0 ? (
        <ol className="report__sounds" aria-label="Sound events">
          {report.sounds.map((sound, i) => (
            <li key={`${sound.timeMs}:${sound.label}:${i}`} className="report__sound">
              <span className="report__sound-time tabular">{formatTime(sound.timeMs)}</span>
              <span className="report__sound-label" title={sound.label}>
                {sound.label}
                {sound.standIn && <span className="report__stand-in"> (stand-in)</span>}
              </span>
              <span className="report__sound-source" title={SOURCE_TITLE[sound.source]}>
                {sound.source}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="report__empty">No timed sound events.</p>
      )}

      {report.notes.length > 0 && (
        <>
          <h5 className="report__subhead">Notes</h5>
          <ul className="report__notes" aria-label="Engine notes">
            {report.notes.map((note, i) => (
              <li key={i} className="sentence">
                {note}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
