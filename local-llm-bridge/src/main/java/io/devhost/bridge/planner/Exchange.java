package io.devhost.bridge.planner;

/**
 * One finished step as the conversation keeps it: the parsed action (never the raw reply) and what
 * the host answered.
 *
 * @param ledgerId the ledger entry the step produced, 0 when none (refused, repeated)
 */
record Exchange(Action action, String observation, int ledgerId) {}
