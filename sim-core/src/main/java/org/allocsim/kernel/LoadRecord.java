package org.allocsim.kernel;

/**
 * One verifier decision: a program load or a map-in-map insert.
 *
 * @param timeNs when
 * @param subject program name, or the inner-map insert
 * @param btf the BTF object of the load
 * @param accepted accepted or refused
 * @param reason the refusal's reason, else empty
 */
public record LoadRecord(long timeNs, String subject, String btf, boolean accepted, String reason) {}
