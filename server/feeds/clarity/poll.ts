import { FeedHttpError, FeedParseError } from '../errors.js';
import { instantOf, revalidationHeaders, withParams, type HttpResponse } from '../http.js';
import type { FeedKind, FeedPoller, PollResult, PollerDeps } from '../types.js';
import { parseClaritySummary } from './parse.js';
import { statePostalOfUrl } from './states.js';

/** Clarity's CDN answers 403 to non-browser agents (washingtonpost/elex-clarity#27), so the feed looks like one. */
export const CLARITY_USER_AGENT =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** How many finished versions are remembered (a site publishes a few hundred a night). */
const REMEMBERED_VERSIONS = 1000;

interface InProgress {
  version: string;
  /** When the version was first seen: the asOf when the summary has no Last-Modified. */
  firstSeen: string;
  summary?: HttpResponse;
  /** null: the site has no electionsettings.json for this version (404). */
  settings?: HttpResponse | null;
}

/**
 * Polls a Clarity site (`feed.url` = `…/<ST>/<electionId>`): `current_ver.txt` conditionally, then a new version's
 * `summary.json` and `electionsettings.json` once each; files under a version never change. A version counts as
 * done only once it parsed, so a failed poll is retried on the next one (without fetching again what arrived).
 */
export function createClarityPoller(deps: PollerDeps): FeedPoller {
  const { feed, http, clock } = deps;
  const base = feed.url.replace(/\/+$/, '');
  const statePostal = statePostalOfUrl(base);
  const done = new Set<string>();
  /** Conditional headers for current_ver.txt, from the answer that named the last finished version. */
  let validators: Record<string, string> = {};
  let pending: InProgress | null = null;
  let lastTest: boolean | null = null;

  const get = (path: string, signal: AbortSignal, extra: Record<string, string> = {}) =>
    http.get(withParams(`${base}/${path}`, feed.params), {
      signal,
      headers: { 'User-Agent': CLARITY_USER_AGENT, Accept: 'application/json, text/plain, */*', ...extra },
    });

  const nothing = (): PollResult => ({ races: [], test: lastTest, warnings: [] });

  const finish = (version: string, cur: HttpResponse) => {
    done.add(version);
    if (done.size > REMEMBERED_VERSIONS) done.delete(done.values().next().value!);
    validators = revalidationHeaders(base, cur);
    pending = null;
  };

  return {
    async poll(signal) {
      if (!statePostal) throw new FeedParseError(`the Clarity url ${feed.url} names no state (it should end …/<ST>/<electionId>)`);
      const cur = await get('current_ver.txt', signal, validators);
      if (cur.status === 304) return nothing();
      const version = versionOf(ok(cur, 'current_ver.txt'));
      if (done.has(version)) {
        finish(version, cur);
        return nothing();
      }
      if (pending?.version !== version) pending = { version, firstSeen: clock.now().toISOString() };
      const p = pending;

      p.summary ??= ok(await get(`${version}/json/en/summary.json`, signal), 'summary.json');
      const warnings: string[] = [];
      if (p.settings === undefined) p.settings = await getSettings(version, signal);
      if (p.settings === null) warnings.push(`Clarity has no electionsettings.json for version ${version}: its test flag is unknown`);

      let parsed;
      try {
        parsed = parseClaritySummary(p.summary.body, p.settings?.body ?? null, {
          feed,
          statePostal,
          asOf: instantOf(p.summary.headers['last-modified']) ?? p.firstSeen,
        });
      } catch (err) {
        // A broken body may be a truncated transfer: fetch both again on the next poll.
        if (err instanceof FeedParseError) pending = { version, firstSeen: p.firstSeen };
        throw err;
      }
      // A site whose settings do not say, readably, whether it is in test mode is posted as live: say so each time.
      if (p.settings !== null && parsed.test === null) {
        warnings.push(`Clarity's electionsettings.json for version ${version} gives no readable istestmode: posted as live`);
      }
      finish(version, cur);
      lastTest = parsed.test;
      return { races: parsed.races, test: parsed.test, warnings: [...warnings, ...parsed.warnings] };
    },
  };

  async function getSettings(version: string, signal: AbortSignal): Promise<HttpResponse | null> {
    try {
      return ok(await get(`${version}/json/en/electionsettings.json`, signal), 'electionsettings.json');
    } catch (err) {
      if (err instanceof FeedHttpError && err.status === 404) return null;
      throw err;
    }
  }
}

/** The `clarity` feed kind (Scytl/Clarity election night reporting). */
export const clarityFeed: FeedKind = { kind: 'clarity', sourceName: 'Clarity', create: createClarityPoller };

/** Only a 200 carries the file: Clarity's CDN answers a bot check with a 202 and a page of script. */
function ok(res: HttpResponse, file: string): HttpResponse {
  if (res.status === 200) return res;
  throw new FeedHttpError(res.status, `Clarity answered ${res.status} for ${file} instead of the file (a bot check?)`, null);
}

function versionOf(res: HttpResponse): string {
  const v = res.body.trim();
  if (/^[A-Za-z0-9._-]{1,40}$/.test(v)) return v;
  throw new FeedParseError(`Clarity current_ver.txt holds no version (it starts "${v.slice(0, 40).replace(/\s+/g, ' ')}")`);
}
