/**
 * The options of the e2e suites whose assertions read a clock: the content
 * script's time per slice or task, a page's heartbeat, a worker stopped after
 * a delay, text that arrives a second after load. They run again on failure,
 * twice at most, with every assertion unchanged: on a shared two-core machine
 * a stall of the whole machine can fail one attempt, while an extension that
 * really misbehaves fails each time. Every other test runs once.
 */
export const WALL_CLOCK = { retry: 2 } as const;
