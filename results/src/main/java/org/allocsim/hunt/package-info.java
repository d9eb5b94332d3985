/**
 * The counterexample hunter: searches random worlds for an oracle finding under one strategy and shrinks the
 * world by delta debugging to the shortest scenario that still shows the same kind of finding.
 */
package org.allocsim.hunt;
