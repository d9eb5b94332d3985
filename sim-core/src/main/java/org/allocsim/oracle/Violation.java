package org.allocsim.oracle;

/**
 * One finding.
 *
 * @param timeNs simulated time
 * @param kind what rule broke
 * @param event the event that exposed it, e.g. {@code map free m2} or {@code run P3 op 0}
 * @param object object id, or -1
 * @param allocator allocator id, or -1
 * @param detail what was seen, in words
 */
public record Violation(long timeNs, ViolationKind kind, String event, int object, int allocator, String detail) {}
