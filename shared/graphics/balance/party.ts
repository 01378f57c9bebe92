/** Parties as the balance counts them: one code per party, whatever a feed spells ("D", "Dem", "GOP"). */
import { z } from 'zod';

/** A party key in `base`: letters, digits, dashes; case does not matter ("dem" = "DEM"). */
export const PartyKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/, 'must be a party code such as DEM or REP');

const ALIASES: Readonly<Record<string, string>> = { D: 'DEM', DEMOCRAT: 'DEM', DEMOCRATIC: 'DEM', R: 'REP', GOP: 'REP', REPUBLICAN: 'REP', I: 'IND', L: 'LIB', G: 'GRN' };

/** The party code a candidate's party counts under; a candidate without a party counts as IND. */
export function partyCode(party: string | null | undefined): string {
  const p = (party ?? '').trim().toUpperCase();
  if (p === '') return 'IND';
  return ALIASES[p] ?? p;
}

const NAMES: Readonly<Record<string, string>> = {
  DEM: 'Democrats',
  REP: 'Republicans',
  IND: 'Independents',
  LIB: 'Libertarians',
  GRN: 'Greens',
};

/** "Democrats" for DEM; an unknown code stays as it is. */
export const partyName = (code: string): string => NAMES[code] ?? code;
