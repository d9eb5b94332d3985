/**
 * The BPF world that every design shares: object files and their specs, maps with kptr fields, pins in bpffs,
 * processes holding file descriptors, programs and their steps, and who holds what. Lifetimes here are the
 * kernel's own reference counts; the allocator-lifetime question the thread argued about is left to the strategy.
 */
package org.allocsim.world;
