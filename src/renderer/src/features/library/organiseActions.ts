import type { ClipFlag, ColorLabel } from '../../../../shared/library/labels';
import { studio } from '../../api/client';

/** The organising calls the inspector, the keys and the selection bar share. */
export const organise = {
  rate: (ids: readonly number[], rating: number) => studio.call('library.setRating', { ids: [...ids], rating }),
  flag: (ids: readonly number[], flag: ClipFlag | null) => studio.call('library.setFlag', { ids: [...ids], flag }),
  color: (ids: readonly number[], color: ColorLabel | null) =>
    studio.call('library.setColor', { ids: [...ids], color }),
  addTag: (ids: readonly number[], tag: string) => studio.call('library.addTags', { ids: [...ids], tags: [tag] }),
  removeTag: (ids: readonly number[], tag: string) => studio.call('library.removeTags', { ids: [...ids], tags: [tag] }),
};
