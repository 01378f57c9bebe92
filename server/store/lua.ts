/**
 * Compare-and-set scripts. Each one checks the revision (or status) the caller read, writes, and publishes
 * its change messages inside the same script, so every instance hears commits in the order they happened.
 */

/**
 * KEYS: race hash, race id list, lead-change hash, lead-change order list, alert hash, alert order list
 * ARGV: expected revision ('' = must not exist), new revision, record JSON, channel,
 *       the commit's tag, unique to it: stored with the record (a reader holding that commit need not fetch
 *       it again) and heading the race message, `{"c":tag,"type":"race","record":<record JSON>}`, built here
 *       so the record crosses the wire once,
 *       l = how many lead changes, then l × (id, JSON),
 *       a = how many new alerts, then a × (id, JSON),
 *       d = how many alerts to dismiss, then d × (alert id, dismissed alert JSON, its message),
 *       then messages to publish
 * One commit carries everything a bulk's batches of one race detected. A dismissal applies only to an alert
 * that is still pending (a producer may have aired it meanwhile).
 */
export const COMMIT_RACE = `
local rev = redis.call('HGET', KEYS[1], 'rev')
if (rev or '') ~= ARGV[1] then return 0 end
if not rev then redis.call('RPUSH', KEYS[2], cjson.decode(ARGV[3]).definition.id) end
redis.call('HSET', KEYS[1], 'rev', ARGV[2], 'json', ARGV[3], 'tag', ARGV[5])
local i = 6
local n = tonumber(ARGV[i])
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
  local id, json = ARGV[i + 1 + 3 * j], ARGV[i + 2 + 3 * j]
  local cur = redis.call('HGET', KEYS[5], id)
  if cur and cjson.decode(cur).status == 'pending' then
    redis.call('HSET', KEYS[5], id, json)
    dismissed[#dismissed + 1] = ARGV[i + 3 + 3 * j]
  end
end
redis.call('PUBLISH', ARGV[4], '{"c":"' .. ARGV[5] .. '","type":"race","record":' .. ARGV[3] .. '}')
for k = i + 1 + 3 * n, #ARGV do redis.call('PUBLISH', ARGV[4], ARGV[k]) end
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

/** KEYS: graphics hash. ARGV: expected revision, new revision, state JSON, channel, message. */
export const COMMIT_GRAPHICS = `
local rev = redis.call('HGET', KEYS[1], 'rev') or '0'
if rev ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'rev', ARGV[2], 'json', ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
`;

/** KEYS: alert hash. ARGV: alert id, expected status, alert JSON, channel, message. */
export const COMMIT_ALERT = `
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur or cjson.decode(cur).status ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
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
