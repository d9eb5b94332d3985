package org.allocsim.scenarios.workload;

import java.util.Objects;
import org.apache.commons.math3.random.AbstractRandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Lets Commons Math 3 distributions draw from a Commons RNG stream of {@link org.allocsim.kernel.RandomStreams}.
 * Integer draws go straight to the provider; {@link AbstractRandomGenerator} adds the Gaussian (polar method) that
 * log-normal sampling needs. The seed belongs to the named stream, so {@link #setSeed(long)} is refused.
 */
final class ProviderRandomGenerator extends AbstractRandomGenerator {
  private final UniformRandomProvider rng;

  ProviderRandomGenerator(UniformRandomProvider rng) {
    this.rng = Objects.requireNonNull(rng, "rng");
  }

  @Override
  public void setSeed(long seed) {
    throw new UnsupportedOperationException("a workload stream is seeded by RandomStreams, not reseeded");
  }

  @Override
  public double nextDouble() {
    return rng.nextDouble();
  }

  @Override
  public int nextInt() {
    return rng.nextInt();
  }

  @Override
  public int nextInt(int n) {
    return rng.nextInt(n);
  }

  @Override
  public long nextLong() {
    return rng.nextLong();
  }

  @Override
  public boolean nextBoolean() {
    return rng.nextBoolean();
  }

  @Override
  public float nextFloat() {
    return rng.nextFloat();
  }

  @Override
  public void nextBytes(byte[] bytes) {
    rng.nextBytes(bytes);
  }
}
