import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance (its own registry, so several can run in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'leadwire_' });
  return {
    registry,
    batches: new Counter({
      name: 'leadwire_batches_total',
      help: 'Result batches received, by outcome',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    leadChanges: new Counter({ name: 'leadwire_lead_changes_total', help: 'Lead changes detected', registers: [registry] }),
    httpDuration: new Histogram({
      name: 'leadwire_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    sockets: new Gauge({
      name: 'leadwire_sockets_connected',
      help: 'socket.io clients connected to this instance',
      labelNames: ['namespace'] as const,
      registers: [registry],
    }),
    feedPolls: new Counter({
      name: 'leadwire_feed_polls_total',
      help: 'Feed polls, by feed and outcome (ok, unchanged, error)',
      labelNames: ['feed', 'outcome'] as const,
      registers: [registry],
    }),
    feedLastSuccess: new Gauge({
      name: 'leadwire_feed_last_success_timestamp_seconds',
      help: 'When each feed last polled successfully (Unix seconds)',
      labelNames: ['feed'] as const,
      registers: [registry],
    }),
    feedBatches: new Counter({
      name: 'leadwire_feed_batches_total',
      help: 'Batches feeds posted, by feed and ingest status',
      labelNames: ['feed', 'status'] as const,
      registers: [registry],
    }),
    storeUp: new Gauge({ name: 'leadwire_store_up', help: '1 when the store answered its last health check', registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
