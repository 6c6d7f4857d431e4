import type { ReportField } from '../../../shared/renderReport';

/** The prompt line each field of the engine's reading comes from, as the creator wrote it. */
export const REPORT_FIELD_LABEL: Record<ReportField, string> = {
  scene: 'Scene',
  camera: 'Camera',
  motion: 'Motion',
  style: 'Style',
  negative: 'Negative',
  ambience: 'Audio · ambience',
  event: 'Audio · sound',
  dialogue: 'Dialogue',
};
