import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';

/** The environment as `npm start` gets it: only these variables, the tokens fixed so none is generated. */
const env = (vars: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ LEADWIRE_PRODUCER_TOKEN: 'producer-token', LEADWIRE_INGEST_TOKEN: 'ingest-token', ...vars });

describe('Redis and Sentinel settings', () => {
  it.each([
    { what: 'nothing: the embedded store', vars: {}, redis: undefined },
    { what: 'REDIS_URL', vars: { REDIS_URL: 'redis://:pw@10.0.0.5:6380/2' }, redis: { url: 'redis://:pw@10.0.0.5:6380/2' } },
    {
      what: 'three sentinels and the group name',
      vars: { REDIS_SENTINELS: 's1:26379,s2:26380,10.0.0.3:26379', REDIS_SENTINEL_MASTER: 'leadwire' },
      redis: {
        sentinel: {
          name: 'leadwire',
          nodes: [
            { host: 's1', port: 26379 },
            { host: 's2', port: 26380 },
            { host: '10.0.0.3', port: 26379 },
          ],
        },
      },
    },
    {
      what: 'spaces after the commas, an IPv6 sentinel in brackets',
      vars: { REDIS_SENTINELS: 's1:26379, [::1]:26379', REDIS_SENTINEL_MASTER: 'night' },
      redis: {
        sentinel: {
          name: 'night',
          nodes: [
            { host: 's1', port: 26379 },
            { host: '::1', port: 26379 },
          ],
        },
      },
    },
    {
      what: 'both passwords',
      vars: { REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_MASTER: 'leadwire', REDIS_PASSWORD: 'data-pw', REDIS_SENTINEL_PASSWORD: 'sentinel-pw' },
      redis: { sentinel: { name: 'leadwire', nodes: [{ host: 's1', port: 26379 }], password: 'data-pw', sentinelPassword: 'sentinel-pw' } },
    },
    {
      what: 'the data servers’ password only',
      vars: { REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_MASTER: 'leadwire', REDIS_PASSWORD: 'data-pw' },
      redis: { sentinel: { name: 'leadwire', nodes: [{ host: 's1', port: 26379 }], password: 'data-pw' } },
    },
  ])('reads $what', ({ vars, redis }) => {
    const config = loadConfig(env(vars), []);
    expect(config.redis).toEqual(redis);
    // With Redis there is no demo night unless asked for.
    expect(config.demo).toBe(redis === undefined);
  });

  it.each([
    { what: 'an entry without a port', vars: { REDIS_SENTINELS: 's1:26379,host', REDIS_SENTINEL_MASTER: 'lw' }, error: "REDIS_SENTINELS: 'host' is not host:port" },
    { what: 'a port that is not a number', vars: { REDIS_SENTINELS: 's1:port', REDIS_SENTINEL_MASTER: 'lw' }, error: "REDIS_SENTINELS: 's1:port' is not host:port" },
    { what: 'a port out of range', vars: { REDIS_SENTINELS: 's1:70000', REDIS_SENTINEL_MASTER: 'lw' }, error: "REDIS_SENTINELS: 's1:70000' is not host:port" },
    { what: 'port 0', vars: { REDIS_SENTINELS: 's1:0', REDIS_SENTINEL_MASTER: 'lw' }, error: "REDIS_SENTINELS: 's1:0' is not host:port" },
    { what: 'a URL instead of host:port', vars: { REDIS_SENTINELS: 'redis://s1:26379', REDIS_SENTINEL_MASTER: 'lw' }, error: "REDIS_SENTINELS: 'redis://s1:26379'" },
    { what: 'an empty entry', vars: { REDIS_SENTINELS: 's1:26379,,s2:26379', REDIS_SENTINEL_MASTER: 'lw' }, error: 'REDIS_SENTINELS: an empty entry' },
    { what: 'REDIS_SENTINELS without the group name', vars: { REDIS_SENTINELS: 's1:26379' }, error: 'REDIS_SENTINEL_MASTER: required with REDIS_SENTINELS' },
    {
      what: 'both REDIS_URL and REDIS_SENTINELS',
      vars: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_MASTER: 'lw' },
      error: 'REDIS_SENTINELS: give either REDIS_URL or REDIS_SENTINELS, not both',
    },
    { what: 'a group name without sentinels', vars: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_SENTINEL_MASTER: 'lw' }, error: 'REDIS_SENTINEL_MASTER: only with REDIS_SENTINELS' },
    { what: 'REDIS_PASSWORD with REDIS_URL', vars: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PASSWORD: 'pw' }, error: 'REDIS_PASSWORD: only with REDIS_SENTINELS' },
    { what: 'a sentinel password without sentinels', vars: { REDIS_SENTINEL_PASSWORD: 'pw' }, error: 'REDIS_SENTINEL_PASSWORD: only with REDIS_SENTINELS' },
    { what: 'an empty group name', vars: { REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_MASTER: '' }, error: 'REDIS_SENTINEL_MASTER:' },
    { what: 'a REDIS_URL that is not a URL', vars: { REDIS_URL: '127.0.0.1:6379' }, error: 'REDIS_URL:' },
    { what: 'replicas to wait for without Redis', vars: { LEADWIRE_REDIS_MIN_REPLICAS: '1' }, error: 'LEADWIRE_REDIS_MIN_REPLICAS: needs Redis' },
    { what: 'a fractional replica count', vars: { REDIS_URL: 'redis://127.0.0.1:6379', LEADWIRE_REDIS_MIN_REPLICAS: '1.5' }, error: 'LEADWIRE_REDIS_MIN_REPLICAS: must be a whole number' },
    { what: 'a negative replica count', vars: { REDIS_URL: 'redis://127.0.0.1:6379', LEADWIRE_REDIS_MIN_REPLICAS: '-1' }, error: 'LEADWIRE_REDIS_MIN_REPLICAS:' },
    { what: 'a WAIT timeout under 10 ms', vars: { REDIS_URL: 'redis://127.0.0.1:6379', LEADWIRE_REDIS_WAIT_MS: '5' }, error: 'LEADWIRE_REDIS_WAIT_MS:' },
    { what: 'a tally heartbeat under 100 ms', vars: { LEADWIRE_TALLY_HEARTBEAT_MS: '50' }, error: 'LEADWIRE_TALLY_HEARTBEAT_MS: must be at least 100' },
    {
      what: 'one token for both roles (the ingest token would be a producer’s)',
      vars: { LEADWIRE_PRODUCER_TOKEN: 'same-token-123', LEADWIRE_INGEST_TOKEN: 'same-token-123' },
      error: 'LEADWIRE_INGEST_TOKEN: must differ from LEADWIRE_PRODUCER_TOKEN',
    },
  ])('refuses $what, naming the variable', ({ vars, error }) => {
    expect(() => loadConfig(env(vars), [])).toThrow(error);
  });

  it('reads the replica wait and the tally heartbeat, with their defaults', () => {
    expect(loadConfig(env({}), [])).toMatchObject({ redisMinReplicas: 0, redisWaitMs: 1_000, tallyHeartbeatMs: 3_000 });
    const set = loadConfig(
      env({ REDIS_URL: 'redis://127.0.0.1:6379', LEADWIRE_REDIS_MIN_REPLICAS: '2', LEADWIRE_REDIS_WAIT_MS: '250', LEADWIRE_TALLY_HEARTBEAT_MS: '400' }),
      [],
    );
    expect(set).toMatchObject({ redisMinReplicas: 2, redisWaitMs: 250, tallyHeartbeatMs: 400 });
  });

  it('never echoes a password in its error', () => {
    expect(() => loadConfig(env({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PASSWORD: 'hunter2-secret' }), [])).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2-secret') }),
    );
  });
});
