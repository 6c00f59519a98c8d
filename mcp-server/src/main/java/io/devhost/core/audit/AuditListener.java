package io.devhost.core.audit;

/** Receives one record per tool call; implementations must be safe to call from many threads. */
@FunctionalInterface
public interface AuditListener {

  AuditListener NONE = record -> {};

  void record(AuditRecord record);
}
