package org.allocsim.scenarios.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.MapRef;
import org.allocsim.kernel.RunSpec;
import org.allocsim.world.AllocSource;
import org.allocsim.world.KptrField;
import org.allocsim.world.MapSpec;
import org.allocsim.world.MapType;
import org.allocsim.world.ObjectSpec;
import org.allocsim.world.StepSpec;
import org.allocsim.world.ProgramSpec;

/** Writes a {@link RandomWorld} as a scenario file that {@code allocsim run} reads back to the same run. */
public final class ScenarioText {
  private ScenarioText() {}

  /** The scenario text; each line of header becomes a comment line at the top. */
  public static String write(RandomWorld w, List<String> header, String description) {
    StringBuilder b = new StringBuilder();
    for (String h : header) {
      b.append(h.isEmpty() ? "#" : "# " + h).append('\n');
    }
    b.append("name: ").append(w.name()).append('\n');
    b.append("description: \"").append(description.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
    b.append("duration: ").append(time(w.durationNs())).append('\n');
    b.append("parameters:\n  cpus: ").append(w.cpus()).append('\n');
    b.append("objects:\n");
    for (Map.Entry<String, ObjectSpec> e : w.objects().entrySet()) {
      object(b, e.getKey(), e.getValue());
    }
    if (!w.timeline().isEmpty()) {
      b.append("timeline:\n");
      for (RunSpec.TimedAction a : w.timeline()) {
        b.append("  - {at: ").append(time(a.timeNs())).append(", ").append(action(w, a.action())).append("}\n");
      }
    }
    if (!w.runs().isEmpty()) {
      b.append("records:\n");
      for (RandomWorld.Run r : w.runs()) {
        b.append("  - [").append(time(r.timeNs())).append(", ").append(r.cpu()).append(", ").append(r.program())
            .append(", ").append(r.step()).append(", ").append(r.key1());
        b.append(r.key2() != 0 ? ", " + r.key2() : "").append("]\n");
      }
    }
    return b.toString();
  }

  private static void object(StringBuilder b, String name, ObjectSpec o) {
    b.append("  ").append(name).append(":\n");
    if (!o.name().equals(name + ".bpf.o")) {
      b.append("    file: \"").append(o.name()).append("\"\n");
    }
    List<String> types = new ArrayList<>();
    o.types().forEach((t, size) -> types.add(t + ": " + size));
    b.append("    types: {").append(String.join(", ", types)).append("}\n");
    if (!o.maps().isEmpty()) {
      b.append("    maps:\n");
      for (MapSpec m : o.maps()) {
        b.append("      ").append(m.name()).append(": ").append(map(m)).append('\n');
      }
    }
    if (!o.programs().isEmpty()) {
      b.append("    programs:\n");
      for (ProgramSpec p : o.programs()) {
        b.append("      ").append(p.name()).append(":\n");
        b.append("        context: ").append(p.context().name().toLowerCase(java.util.Locale.ROOT)).append('\n');
        b.append("        steps:\n");
        for (StepSpec op : p.steps()) {
          b.append("          - ").append(step(op)).append('\n');
        }
      }
    }
  }

  static String map(MapSpec m) {
    List<String> parts = new ArrayList<>();
    parts.add("type: " + m.type().label());
    if (m.type() != MapType.ALLOCATOR || m.maxEntries() != 1) {
      parts.add("max_entries: " + m.maxEntries());
    }
    if (!m.fields().isEmpty()) {
      List<String> fields = new ArrayList<>();
      for (KptrField f : m.fields()) {
        fields.add(f.name() + ": " + f.typeName());
      }
      parts.add("kptr: {" + String.join(", ", fields) + "}");
    }
    if (m.innerTemplate() != null) {
      parts.add("inner: " + map(m.innerTemplate()));
    }
    if (m.kptrAllocator() != null) {
      parts.add("kptr_allocator: " + m.kptrAllocator());
    }
    if (m.elemAllocator() != null) {
      parts.add("elem_allocator: " + m.elemAllocator());
    }
    if (m.elementBytes() > 0) {
      parts.add("elements: " + m.elementBytes());
    }
    if (m.allocatorUnitBytes() > 0) {
      parts.add("unit: " + m.allocatorUnitBytes());
    }
    if (m.pinPath() != null) {
      parts.add("pin: " + m.pinPath());
    }
    return "{" + String.join(", ", parts) + "}";
  }

  private static String step(StepSpec op) {
    List<String> args = new ArrayList<>();
    if (op.type() != null) {
      args.add("type: " + op.type());
      if (op.source().kind() != AllocSource.Kind.DEFAULT) {
        args.add("allocator: " + switch (op.source().kind()) {
          case MAP_KPTR -> op.source().map() + ".kptr_allocator";
          case MAP_ELEM -> op.source().map() + ".elem_allocator";
          default -> op.source().map();
        });
      }
    }
    if (op.from() != null) {
      args.add("from: " + op.from());
    }
    if (op.to() != null) {
      args.add("to: " + op.to());
    }
    return op.kind().label() + ": {" + String.join(", ", args) + "}";
  }

  private static String action(RandomWorld w, ControlAction action) {
    if (action instanceof ControlAction.LoadObject a) {
      return "load: {object: " + objectName(w, a.spec()) + ", as: " + a.instance() + ", by: " + a.process() + "}";
    } else if (action instanceof ControlAction.CloseObject a) {
      return a.detach() ? "close: " + a.instance() : "close: {instance: " + a.instance() + ", detach: false}";
    } else if (action instanceof ControlAction.ExitProcess a) {
      return "exit: " + a.process();
    } else if (action instanceof ControlAction.CreateMap a) {
      MapSpec s = a.spec();
      String spec = map(new MapSpec(s.name(), s.type(), s.maxEntries(), s.fields(), s.innerTemplate(),
          s.kptrAllocator(), s.elemAllocator(), s.allocatorUnitBytes(), null, s.elementBytes()));
      return "create_map: {by: " + a.process() + ", as: " + a.instance()
          + (a.btfOf() != null ? ", btf_of: " + a.btfOf() : "") + ", spec: " + spec + "}";
    } else if (action instanceof ControlAction.CloseMapFd a) {
      return "close_fd: {by: " + a.process() + ", map: " + ref(a.map()) + "}";
    } else if (action instanceof ControlAction.Pin a) {
      return "pin: {map: " + ref(a.map()) + ", path: " + a.path() + "}";
    } else if (action instanceof ControlAction.Unpin a) {
      return "unpin: " + a.path();
    } else if (action instanceof ControlAction.UpdateElement a) {
      return "update: {map: " + ref(a.map()) + ", key: " + a.key() + "}";
    } else if (action instanceof ControlAction.DeleteElement a) {
      return "delete: {map: " + ref(a.map()) + ", key: " + a.key() + "}";
    } else if (action instanceof ControlAction.InsertInner a) {
      return "insert_inner: {outer: " + ref(a.outer()) + ", key: " + a.key() + ", inner: " + ref(a.inner()) + "}";
    } else if (action instanceof ControlAction.FreeOwner a) {
      return "free_owner: {owner: " + a.owner() + ", key: " + a.key() + "}";
    } else if (action instanceof ControlAction.DeleteInner a) {
      return "delete_inner: {outer: " + ref(a.outer()) + ", key: " + a.key() + "}";
    }
    throw new IllegalArgumentException("cannot write " + action.describe());
  }

  private static String objectName(RandomWorld w, ObjectSpec spec) {
    for (Map.Entry<String, ObjectSpec> e : w.objects().entrySet()) {
      if (e.getValue().equals(spec)) {
        return e.getKey();
      }
    }
    throw new IllegalArgumentException("object " + spec.name() + " is not among the world's objects");
  }

  private static String ref(MapRef r) {
    if (r.pin() != null) {
      return r.pin();
    }
    return r.object().equals(r.map()) ? r.map() : r.object() + "." + r.map();
  }

  /** Whole milliseconds or microseconds with their unit, else nanoseconds. */
  static String time(long ns) {
    if (ns != 0 && ns % 1_000_000L == 0) {
      return ns / 1_000_000L + "ms";
    }
    if (ns != 0 && ns % 1_000L == 0) {
      return ns / 1_000L + "us";
    }
    return Long.toString(ns);
  }
}
