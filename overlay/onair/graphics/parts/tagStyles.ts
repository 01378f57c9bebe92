import type { TagModel } from '../../models.js';
import { COLORS } from '../../theme.js';
import type { TagStyle } from './Tag.js';

/** How each tone of header tag looks; every tag also says what it means in words. The info tag wears the theme. */
export const TAG_STYLE: Record<TagModel['tone'], TagStyle> = {
  get info(): TagStyle {
    return { bg: COLORS.navyLine, fg: COLORS.onLine, weight: '600' };
  },
  warn: { bg: COLORS.mark, fg: COLORS.ink, weight: '700' },
  runoff: { bg: COLORS.runoff, fg: COLORS.white, weight: '700' },
  called: { bg: COLORS.called, fg: COLORS.white, weight: '700', check: true },
};
