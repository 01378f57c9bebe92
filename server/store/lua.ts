/**
 * Compare-and-set scripts. Each one checks the revision (or status) the caller read, writes, and publishes
 * its change messages inside the same script, so every instance hears commits in the order they happened.
 */

/** Appends one event (five fields, see eventCodec.ts) to the stream, trimmed to about `maxlen` entries. */
const XADD = `
local function xadd(stream, maxlen, t, a, r, w, d)
  return redis.call('XADD', stream, 'MAXLEN', '~', maxlen, '*', 't', t, 'a', a, 'r', r, 'w', w, 'd', d)
end
`;


/**
 * Commit ids: every commit script but COMMIT_RACE (which keeps them in the race hash, see there) has as its last key
 * `<prefix>commit:<id>`, the id its caller chose for that one logical commit. Seen before, the script answers 2
 * (already applied) and changes nothing, before any compare-and-set: a commit re-sent after a failover finds its own
 * earlier write, not a "conflict" to re-read and apply again.
 */
const SEEN = `
local done = KEYS[#KEYS]
if redis.call('EXISTS', done) == 1 then return 2 end
`;
/** How many commit ids a race hash keeps (COMMIT_RACE). */
const RECENT_COMMITS = 16;

/** Records the commit id (an hour: far longer than any re-send). */
const RECORD = `redis.call('SET', done, '1', 'EX', 3600)
`;

/**
 * KEYS: race hash, race id list, lead-change hash, lead-change order list, alert hash, alert order list, event stream
 * ARGV: expected revision ('' = must not exist), new revision, record JSON, channel,
 *       the commit's tag, unique to it: stored with the record (a reader holding that commit need not fetch
 *       it again) and heading the race message, `{"c":tag,"type":"race","record":<record JSON>}`, built here
 *       so the record crosses the wire once,
 *       the event log's cap, the commit id ('' = none),
 *       e = how many events, then e × their five fields,
 *       l = how many lead changes, then l × (id, JSON),
 *       a = how many new alerts, then a × (id, JSON),
 *       d = how many alerts to dismiss, then d × (alert id, dismissed alert JSON, its message, its event's five
 *       fields, the first '' for none),
 *       then messages to publish
 * One commit carries everything a bulk's batches of one race detected, and its events: the change and its events
 * are one atomic step. A dismissal (and its event) applies only to an alert that is still pending (a producer may
 * have aired it meanwhile).
 *
 * Commit ids: the race hash keeps the ids of the last 16 commits that wrote it (`commits`, newest first). The
 * compare-and-set is what keeps a re-sent commit from applying twice (its first send moved the revision on); a
 * commit that fails it and whose id is there answers 2 (already applied) instead of 0. A re-send comes within
 * seconds, long before a race sees 16 more commits. Kept with the race, they cost no key per commit.
 */
export const COMMIT_RACE = `${XADD}
local held = redis.call('HMGET', KEYS[1], 'rev', 'commits')
local rev, recent, cid = held[1], held[2] or '', ARGV[7]
if (rev or '') ~= ARGV[1] then
  if cid ~= '' and string.find(' ' .. recent .. ' ', ' ' .. cid .. ' ', 1, true) then return 2 end
  return 0
end
if not rev then redis.call('RPUSH', KEYS[2], cjson.decode(ARGV[3]).definition.id) end
if cid ~= '' then
  local kept = { cid }
  for id in string.gmatch(recent, '%S+') do
    if #kept == ${RECENT_COMMITS} then break end
    kept[#kept + 1] = id
  end
  recent = table.concat(kept, ' ')
end
redis.call('HSET', KEYS[1], 'rev', ARGV[2], 'json', ARGV[3], 'tag', ARGV[5], 'commits', recent)
local maxlen = ARGV[6]
local i = 8
local n = tonumber(ARGV[i])
for j = 0, n - 1 do
  local b = i + 1 + 5 * j
  xadd(KEYS[7], maxlen, ARGV[b], ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4])
end
i = i + 5 * n + 1
n = tonumber(ARGV[i])
for j = 1, n do
  redis.call('HSET', KEYS[3], ARGV[i + 2 * j - 1], ARGV[i + 2 * j])
  redis.call('RPUSH', KEYS[4], ARGV[i + 2 * j - 1])
end
i = i + 2 * n + 1
n = tonumber(ARGV[i])
for j = 1, n do
  redis.call('HSET', KEYS[5], ARGV[i + 2 * j - 1], ARGV[i + 2 * j])
  redis.call('RPUSH', KEYS[6], ARGV[i + 2 * j - 1])
end
i = i + 2 * n + 1
n = tonumber(ARGV[i])
local dismissed = {}
for j = 0, n - 1 do
  local b = i + 1 + 8 * j
  local id, json = ARGV[b], ARGV[b + 1]
  local cur = redis.call('HGET', KEYS[5], id)
  if cur and cjson.decode(cur).status == 'pending' then
    redis.call('HSET', KEYS[5], id, json)
    dismissed[#dismissed + 1] = ARGV[b + 2]
    if ARGV[b + 3] ~= '' then xadd(KEYS[7], maxlen, ARGV[b + 3], ARGV[b + 4], ARGV[b + 5], ARGV[b + 6], ARGV[b + 7]) end
  end
end
redis.call('PUBLISH', ARGV[4], '{"c":"' .. ARGV[5] .. '","type":"race","record":' .. ARGV[3] .. '}')
for k = i + 1 + 8 * n, #ARGV do redis.call('PUBLISH', ARGV[4], ARGV[k]) end
for _, m in ipairs(dismissed) do redis.call('PUBLISH', ARGV[4], m) end
return 1
`;

/**
 * KEYS: race hashes. ARGV: for each, the tag of the commit the caller holds ('' = none). Answers, for each, 1
 * when the race is still at that commit, else { tag, record JSON } (false where there is no race): a bulk's
 * reads in one command, and no record sent back that the caller already has.
 */
export const READ_RACES = `
local out = {}
for i, key in ipairs(KEYS) do
  local tag = redis.call('HGET', key, 'tag')
  if tag and tag == ARGV[i] then
    out[i] = 1
  else
    local json = redis.call('HGET', key, 'json')
    if json then out[i] = { tag or '', json } else out[i] = false end
  end
end
return out
`;

/** Appends the events at ARGV[from]: their count, then five fields each. */
const XADD_ALL = `${XADD}
local function xaddAll(stream, maxlen, from)
  local n = tonumber(ARGV[from])
  for j = 0, n - 1 do
    local b = from + 1 + 5 * j
    xadd(stream, maxlen, ARGV[b], ARGV[b + 1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4])
  end
end
`;

/**
 * KEYS: graphics hash, event stream, commit id key. ARGV: expected revision, new revision, state JSON, channel, message, the log's
 * cap, then the events (count, five fields each).
 */
export const COMMIT_GRAPHICS = `${XADD_ALL}${SEEN}
local rev = redis.call('HGET', KEYS[1], 'rev') or '0'
if rev ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'rev', ARGV[2], 'json', ARGV[3])
xaddAll(KEYS[2], ARGV[6], 7)
redis.call('PUBLISH', ARGV[4], ARGV[5])
${RECORD}return 1
`;

/** KEYS: alert hash, event stream, commit id key. ARGV: alert id, expected status, alert JSON, channel, message, cap, events. */
export const COMMIT_ALERT = `${XADD_ALL}${SEEN}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur or cjson.decode(cur).status ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
xaddAll(KEYS[2], ARGV[6], 7)
redis.call('PUBLISH', ARGV[4], ARGV[5])
${RECORD}return 1
`;

/**
 * KEYS: hash, event stream. ARGV: field, JSON, channel, message, cap, then the events (count, five fields each):
 * a producer's feed control and its event.
 */
export const WRITE_LOG_AND_PUBLISH = `${XADD_ALL}
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
xaddAll(KEYS[2], ARGV[5], 6)
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`;

/**
 * KEYS: feed status hash, event stream. ARGV: feed id, status JSON, channel, message, its state, cap, then the
 * event's five fields (or none): the event is written only when the stored status was in another state.
 */
export const WRITE_FEED_STATUS = `${XADD}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if #ARGV >= 11 and (not cur or cjson.decode(cur).state ~= ARGV[5]) then
  xadd(KEYS[2], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10], ARGV[11])
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`;

/**
 * KEYS: event stream, last refusal per actor and race (hash), repeat counts by event id (hash). ARGV: cap, then per
 * refusal: key field, key value, the event's five fields. The same value as the field's last refusal counts a
 * repeat of that event; another is a new event and becomes the field's last.
 */
export const LOG_REFUSALS = `${XADD}
for b = 2, #ARGV, 7 do
  local field, value = ARGV[b], ARGV[b + 1]
  local last = redis.call('HGET', KEYS[2], field)
  local sep = last and string.find(last, ' ', 1, true)
  if sep and string.sub(last, sep + 1) == value then
    redis.call('HINCRBY', KEYS[3], string.sub(last, 1, sep - 1), 1)
  else
    local id = xadd(KEYS[1], ARGV[1], ARGV[b + 2], ARGV[b + 3], ARGV[b + 4], ARGV[b + 5], ARGV[b + 6])
    redis.call('HSET', KEYS[2], field, id .. ' ' .. value)
  end
end
return 1
`;

/**
 * KEYS: event stream, repeat counts (hash). ARGV: after ('' = from the start), limit, type ('' = any), race id
 * ('' = any), how many entries a filtered read may look at. Answers { entries, more, last id looked at }, each
 * entry { id, fields, repeats or false }. Unfiltered, one XRANGE of limit + 1; filtered, XRANGEs of 1000 until the
 * page is full, the log ends or the scan limit is reached.
 */
export const READ_EVENTS = `
local start = ARGV[1] == '' and '-' or '(' .. ARGV[1]
local limit = tonumber(ARGV[2])
local t, r = ARGV[3], ARGV[4]
local budget = tonumber(ARGV[5])
local out = {}
local function keep(e)
  local f = e[2]
  if t ~= '' and f[2] ~= t then return false end
  if r ~= '' and f[6] ~= r then return false end
  return true
end
local function add(e)
  local n = false
  if e[2][2] == 'batch.refused' then n = redis.call('HGET', KEYS[2], e[1]) or false end
  out[#out + 1] = { e[1], e[2], n }
end
if t == '' and r == '' then
  local rows = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', limit + 1)
  for k = 1, math.min(#rows, limit) do add(rows[k]) end
  return { out, #rows > limit and 1 or 0, '' }
end
local scanned, last = 0, ''
while scanned < budget do
  local rows = redis.call('XRANGE', KEYS[1], start, '+', 'COUNT', math.min(1000, budget - scanned))
  if #rows == 0 then return { out, 0, last } end
  for k = 1, #rows do
    local e = rows[k]
    scanned = scanned + 1
    if keep(e) then
      if #out == limit then return { out, 1, last } end
      add(e)
    end
    last = e[1]
  end
  start = '(' .. last
end
return { out, 1, last }
`;

/** KEYS: hash. ARGV: field, JSON, channel, message. A write and its announcement, in commit order. */
export const WRITE_AND_PUBLISH = `
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1
`;

/** KEYS: lock key. ARGV: owner, ttl ms. Takes a free lock or renews one's own; 1 when the owner holds it. */
export const CLAIM_LOCK = `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

/** KEYS: lock key. ARGV: owner. Deletes the lock only if the owner still holds it. */
export const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`;

/**
 * KEYS: this instance's pages key, the set of instances. ARGV: instance id, its pages' JSON, ttl ms. A heartbeat:
 * the key lapses on its own when the instance stops refreshing it (it died).
 */
export const WRITE_PRESENCE = `
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
redis.call('SADD', KEYS[2], ARGV[1])
return 1
`;

/**
 * KEYS: the set of instances. ARGV: the pages keys' prefix. Answers every live instance's pages JSON, forgetting
 * the instances whose key lapsed.
 */
export const READ_PRESENCE = `
local out = {}
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local v = redis.call('GET', ARGV[1] .. id)
  if v then out[#out + 1] = v else redis.call('SREM', KEYS[1], id) end
end
return out
`;

/**
 * KEYS: the collection's hash, event stream, commit id key. ARGV: document id, expected revision ('0' = none),
 * the new revision, the stored JSON ('' = delete), channel, message, cap, then the events (count, five fields each).
 */
export const COMMIT_DOC = `${XADD_ALL}${SEEN}
local cur = redis.call('HGET', KEYS[1], ARGV[1])
local rev = '0'
if cur then rev = tostring(cjson.decode(cur).revision) end
if rev ~= ARGV[2] then return 0 end
if ARGV[4] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[4]) end
xaddAll(KEYS[2], ARGV[7], 8)
redis.call('PUBLISH', ARGV[5], ARGV[6])
${RECORD}return 1
`;

/** KEYS: asset meta hash, asset bytes key, event stream. ARGV: name, meta JSON, bytes, channel, message, cap, events. */
export const WRITE_ASSET = `${XADD_ALL}
redis.call('SET', KEYS[2], ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
xaddAll(KEYS[3], ARGV[6], 7)
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
`;
