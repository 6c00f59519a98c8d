package io.devhost.core.audit;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several audit outputs as one (a shared file and stdout, say): each gets every record. */
public final class AuditOutputs implements AuditListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuditOutputs.class);

  private final List<AuditListener> outputs;

  public AuditOutputs(List<AuditListener> outputs) {
    this.outputs = List.copyOf(outputs);
  }

  @Override
  public void record(AuditRecord record) {
    for (AuditListener output : outputs) {
      output.record(record);
    }
  }

  /** Closes the outputs that hold something open; a failure of one leaves the others closed. */
  @Override
  public void close() {
    for (AuditListener output : outputs) {
      if (output instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.warn("closing an audit output failed: {}", e.getMessage());
        }
      }
    }
  }
}
