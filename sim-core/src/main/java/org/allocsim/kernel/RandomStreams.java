package org.allocsim.kernel;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named, independent random streams. The seed of a stream depends only on the run seed, the replication number and
 * the stream's name (e.g. {@code workload/balancer}) — never on the strategy — so every strategy of one replication
 * sees the same draws (common random numbers) and adding a stream does not shift the others.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;

  public RandomStreams(long seed, int replication) {
    this.seed = seed;
    this.replication = replication;
  }

  /** seed(name) = mix(mix(seed ^ mix(replication)) ^ fnv1a64(name)); XoRoShiRo128++ seeded from it. */
  public static long seedOf(long seed, int replication, String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return mix(mix(seed ^ mix(replication + 0x9e3779b97f4a7c15L)) ^ h);
  }

  /** SplitMix64's finaliser: a bijection that spreads nearby inputs. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  public UniformRandomProvider stream(String name) {
    return RandomSource.XO_RO_SHI_RO_128_PP.create(seedOf(seed, replication, name));
  }

  public long seed() {
    return seed;
  }

  public int replication() {
    return replication;
  }
}
