/**
 * One small class per allocator-lifetime design of the August 2022 bpf thread, each behind
 * {@link org.allocsim.strategy.LifetimeStrategy} and registered in
 * {@code META-INF/services/org.allocsim.strategy.LifetimeStrategy}.
 */
package org.allocsim.strategies;
