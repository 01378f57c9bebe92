/** The 50 states and DC by postal code: a Clarity statewide site names only its postal code (`…/GA/107231`). */
const STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii',
  ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
  ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
  MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
  NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

/** "GA" (any case) → "Georgia"; null for a code that is not a state or DC. */
export function stateName(postal: string): string | null {
  return STATES[postal.toUpperCase()] ?? null;
}

/**
 * The state a Clarity URL is for: the last path segment that is a postal code (`…/GA/107231`,
 * `…/GA/Fulton/107233`, `file:///srv/al/mirror/GA/107231`); null when none is.
 */
export function statePostalOfUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const seg = path.split('/').reverse().find((s) => /^[A-Za-z]{2}$/.test(s) && stateName(s) !== null);
  return seg ? seg.toUpperCase() : null;
}
