package io.devhost.bridge.model;

import java.nio.file.Path;

/**
 * How to load a GGUF file in-process.
 *
 * @param gpuLayers layers to offload to a GPU (0 on a CPU-only build; ignored without a GPU)
 */
public record EmbeddedSettings(Path model, int threads, int contextTokens, int gpuLayers) {

  public EmbeddedSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (contextTokens < 256) {
      throw new IllegalArgumentException("context size must be at least 256, got " + contextTokens);
    }
    if (gpuLayers < 0) {
      throw new IllegalArgumentException("gpu layers must be 0 or more, got " + gpuLayers);
    }
  }
}
