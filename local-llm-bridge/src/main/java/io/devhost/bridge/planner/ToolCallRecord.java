package io.devhost.bridge.planner;

import io.devhost.bridge.changes.ChangeReview;
import java.time.Instant;
import java.util.Map;

/**
 * One tool call as the audit log records it.
 *
 * @param resultChars size of the result text; 0 when the call did not run
 * @param error the error text when the call failed or was refused; null on success
 * @param change the reviewed change of a write (diff and findings); null for reads
 */
public record ToolCallRecord(
    Instant time,
    String server,
    String tool,
    Map<String, Object> arguments,
    Decision decision,
    long durationMillis,
    int resultChars,
    String error,
    ChangeReview change) {}
