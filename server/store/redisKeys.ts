/** Every key LeadWire keeps in Redis, under one prefix (so several installations can share one Redis). */
export function keyNames(prefix: string) {
  return {
    race: (id: string) => `${prefix}race:${id}`,
    raceIds: `${prefix}races`,
    leadChanges: `${prefix}leadchanges`,
    leadChangeOrder: `${prefix}leadchanges:order`,
    alerts: `${prefix}alerts`,
    alertOrder: `${prefix}alerts:order`,
    graphics: `${prefix}graphics`,
    channel: `${prefix}changes`,
    feeds: `${prefix}feeds`,
    feedControls: `${prefix}feeds:control`,
    events: `${prefix}events`,
    refusalLast: `${prefix}events:refusals:last`,
    refusalRepeats: `${prefix}events:refusals:repeats`,
    lock: (name: string) => `${prefix}lock:${name}`,
    commit: (id: string) => `${prefix}commit:${id}`,
    pages: (instanceId: string) => `${prefix}pages:${instanceId}`,
    instances: `${prefix}pages`,
    docs: (collection: string) => `${prefix}docs:${collection}`,
    assetMeta: `${prefix}assets`,
    asset: (name: string) => `${prefix}asset:${name}`,
  };
}

export type RedisKeys = ReturnType<typeof keyNames>;
