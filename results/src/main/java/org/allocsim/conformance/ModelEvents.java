package org.allocsim.conformance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allocsim.kernel.LoadRecord;
import org.allocsim.kernel.Observations;
import org.allocsim.kernel.RunResult;
import org.allocsim.kernel.RunSpec;

/** The {@code global} strategy's run of a scenario as the same events the kernel run yields. */
final class ModelEvents {
  private static final Pattern INSERT = Pattern.compile("inner-map insert (\\S+) into (\\S+)\\[(\\d+)]");

  private ModelEvents() {}

  static Map<String, String> of(RunSpec spec, RunResult result, Observations obs) {
    Map<String, String> events = new LinkedHashMap<>();
    for (LoadRecord v : result.verdicts()) {
      String instance = instanceOf(v.btf());
      Matcher m = INSERT.matcher(v.subject());
      String key = m.matches() ? EventKeys.insert(m.group(1), instance + "." + m.group(2),
          Long.parseLong(m.group(3))) : EventKeys.load(instance, v.subject());
      events.put(key, v.accepted() ? "accepted" : "refused: " + v.reason());
    }
    EventKeys keys = new EventKeys();
    for (Observations.UserOp op : obs.userOps()) {
      events.put(keys.userOp(op.action()), op.result());
    }
    StepEvents.put(events, obs, spec);
    for (Observations.MapFree f : obs.mapFrees()) {
      events.put(EventKeys.mapFree(f.map()), "dropped " + f.objectsDropped());
    }
    return events;
  }

  /** The instance of a BTF object named {@code object@instance}. */
  static String instanceOf(String btf) {
    int at = btf.indexOf('@');
    return at < 0 ? btf : btf.substring(at + 1);
  }
}
