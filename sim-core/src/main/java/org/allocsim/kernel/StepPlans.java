package org.allocsim.kernel;

import java.util.Arrays;
import org.allocsim.world.Program;

/**
 * The {@link StepPlan}s of the program attached at each attach point, built when a record first finds a program
 * there and again when another program replaces it (a reload, a detach and attach): a plan depends on nothing
 * else, so the identity of the program is its only check per record.
 */
final class StepPlans {
  private Program[] planned = new Program[8];
  private StepPlan[][] rows = new StepPlan[8][];

  /** The plans of p's steps; p is the program attached at attachPoint. */
  StepPlan[] of(int attachPoint, Program p) {
    if (attachPoint < planned.length && planned[attachPoint] == p) {
      return rows[attachPoint];
    }
    return build(attachPoint, p);
  }

  private StepPlan[] build(int attachPoint, Program p) {
    if (attachPoint >= planned.length) {
      int n = Math.max(attachPoint + 1, 2 * planned.length);
      planned = Arrays.copyOf(planned, n);
      rows = Arrays.copyOf(rows, n);
    }
    StepPlan[] row = new StepPlan[p.stepCount()];
    for (int i = 0; i < row.length; i++) {
      row[i] = new StepPlan(p.step(i));
    }
    planned[attachPoint] = p;
    rows[attachPoint] = row;
    return row;
  }
}
