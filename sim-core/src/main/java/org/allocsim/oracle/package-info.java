/**
 * The safety oracle: the same rules for every design. It records each finding with time, event, object and
 * allocator; a strategy never decides what is safe.
 */
package org.allocsim.oracle;
