package io.devhost.bridge.model;

/**
 * Sampling settings. DeepSeek's advice for the R1 distills is temperature 0.6 and top_p 0.95: lower
 * makes them repeat themselves endlessly, higher makes them incoherent.
 *
 * @param seed a fixed seed for reproducible output, or -1 for a random one
 */
public record Sampling(double temperature, double topP, long seed) {

  public static final Sampling R1 = new Sampling(0.6, 0.95, -1);

  public Sampling {
    if (temperature < 0 || temperature > 2) {
      throw new IllegalArgumentException("temperature must be between 0 and 2, got " + temperature);
    }
    if (topP <= 0 || topP > 1) {
      throw new IllegalArgumentException("top_p must be in (0, 1], got " + topP);
    }
  }
}
