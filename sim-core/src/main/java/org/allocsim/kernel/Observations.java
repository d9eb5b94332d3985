package org.allocsim.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run did, in the terms a live kernel can show: step outcomes per program (attach point) and step, the
 * objects each map free dropped, and the result of each user-space map operation. Filled only when asked for
 * ({@link Simulation#runObserved}), so ordinary runs pay one null test per step.
 */
public final class Observations {
  /** A map free: the map as {@code instance.map} (the instance whose load created it) and the objects dropped. */
  public record MapFree(long timeNs, String map, long objectsDropped) {}

  /** A user-space map operation and its result: {@code ok} or the errno the kernel returns. */
  public record UserOp(long timeNs, String action, String result) {}

  private final Map<String, long[]> steps = new LinkedHashMap<>();
  private final List<MapFree> mapFrees = new ArrayList<>();
  private final List<UserOp> userOps = new ArrayList<>();

  void step(String program, int op, StepOutcome outcome) {
    String key = program + "/" + op;
    steps.computeIfAbsent(key, k -> new long[StepOutcome.values().length])[outcome.ordinal()]++;
  }

  void mapFreed(long timeNs, String map, long objectsDropped) {
    mapFrees.add(new MapFree(timeNs, map, objectsDropped));
  }

  void userOp(long timeNs, String action, String result) {
    userOps.add(new UserOp(timeNs, action, result));
  }

  /** Count of one outcome of one step of a program, 0 when it never happened. */
  public long count(String program, int op, StepOutcome outcome) {
    long[] c = steps.get(program + "/" + op);
    return c == null ? 0 : c[outcome.ordinal()];
  }

  public List<MapFree> mapFrees() {
    return List.copyOf(mapFrees);
  }

  public List<UserOp> userOps() {
    return List.copyOf(userOps);
  }

  /** The instance that created a map with this BTF object name ({@code object@instance}). */
  static String instanceOf(String btfName) {
    int at = btfName.indexOf('@');
    return at < 0 ? btfName : btfName.substring(at + 1);
  }
}
