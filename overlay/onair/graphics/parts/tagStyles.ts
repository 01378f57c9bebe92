import type { TagModel } from '../../models.js';
import { COLORS } from '../../theme.js';
import type { TagStyle } from './Tag.js';

/** How each tone of header tag looks; every tag also says what it means in words. */
export const TAG_STYLE: Record<TagModel['tone'], TagStyle> = {
  info: { bg: COLORS.navyLine, fg: COLORS.white, weight: '600' },
  warn: { bg: COLORS.amber, fg: COLORS.ink, weight: '700' },
  runoff: { bg: COLORS.runoff, fg: COLORS.white, weight: '700' },
  called: { bg: COLORS.called, fg: COLORS.white, weight: '700', check: true },
};
