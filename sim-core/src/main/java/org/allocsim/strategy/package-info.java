/**
 * The interface through which an allocator-lifetime design plugs in. A strategy answers only the questions on
 * which the designs of the August 2022 thread differ; everything they share (allocator mechanics, RCU, maps, pins,
 * processes) lives in the kernel. Strategies are found by name through {@link java.util.ServiceLoader}.
 */
package org.allocsim.strategy;
