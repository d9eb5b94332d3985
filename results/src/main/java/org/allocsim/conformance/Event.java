package org.allocsim.conformance;

/**
 * One compared event of one scenario.
 *
 * @param scenario scenario name
 * @param event what happened, e.g. {@code load k2/balancer} or {@code steps balancer/0 alloc_store}
 * @param kernel what the live kernel did
 * @param global what the {@code global} strategy's run did
 * @param agree whether they agree (for a refusal: both refuse, and the kernel's message names the model's cause)
 * @param known the explanation from the known-differences file, for a listed disagreement; else empty
 */
record Event(String scenario, String event, String kernel, String global, boolean agree, String known) {

  /** A disagreement nobody has explained. */
  boolean unexplained() {
    return !agree && known.isEmpty();
  }
}
