export interface LeadShift {
  from: string;
  to: string;
}

/**
 * A lead change happens when a candidate takes the strict lead and the last candidate to hold it was someone
 * else. The first leader is not one, a tie is not one, and regaining the lead after a tie is not one.
 */
export function detectLeadShift(lastLeader: string | null, leader: string | null): LeadShift | null {
  if (leader === null || lastLeader === null || leader === lastLeader) return null;
  return { from: lastLeader, to: leader };
}

/** The last strict leader after a count: a tie keeps the previous one. */
export function nextLastLeader(lastLeader: string | null, leader: string | null): string | null {
  return leader ?? lastLeader;
}
