package io.devhost.core;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The context a handler sees during one run: the caller's, plus a place for result metadata. */
final class MetaRecordingContext implements ToolContext {

  private final ToolContext delegate;
  private final Map<String, Object> meta = new LinkedHashMap<>();

  MetaRecordingContext(ToolContext delegate) {
    this.delegate = delegate;
  }

  Map<String, Object> meta() {
    return meta;
  }

  @Override
  public void resultMeta(String key, Object value) {
    meta.put(key, value);
  }

  @Override
  public void progress(double done, Double total, String message) {
    delegate.progress(done, total, message);
  }

  @Override
  public boolean isCancelled() {
    return delegate.isCancelled();
  }

  @Override
  public Optional<List<URI>> clientRoots() {
    return delegate.clientRoots();
  }
}
