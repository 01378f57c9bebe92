import { createHash } from 'node:crypto';
import { ErrorReply, type RedisClientType } from 'redis';

/** Runs Lua scripts by SHA, loading them on the first NOSCRIPT (after a Redis restart, say). */
export function scriptRunner(client: RedisClientType) {
  const shas = new Map<string, string>();
  const sha = (script: string) => {
    let s = shas.get(script);
    if (!s) shas.set(script, (s = createHash('sha1').update(script).digest('hex')));
    return s;
  };
  return async (script: string, keys: string[], args: string[]): Promise<unknown> => {
    try {
      return await client.evalSha(sha(script), { keys, arguments: args });
    } catch (err) {
      // Redis types its error replies by their first word: NOSCRIPT is the code, not prose.
      if (err instanceof ErrorReply && err.message.startsWith('NOSCRIPT')) {
        return client.eval(script, { keys, arguments: args });
      }
      throw err;
    }
  };
}
