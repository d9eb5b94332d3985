package org.allocsim.scenarios.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.allocsim.kernel.ControlAction;
import org.allocsim.kernel.RunSpec;
import org.allocsim.world.ObjectSpec;

/**
 * {@code timeline:} — user-space actions at times. An entry is {@code at:} plus one action, or a repetition:
 * {@code at:}, {@code every:}, {@code count:} or {@code until:}, and {@code do:} a list of actions. In names,
 * {@code <n>}, {@code <n+1>}, {@code <n-1>} stand for the repetition's occurrence number (from 1). Angle
 * brackets, not braces: braces would end a YAML flow mapping.
 */
final class TimelineSection {
  static final List<String> ACTIONS = List.of("load", "close", "exit", "create_map", "close_fd", "pin", "unpin",
      "update", "delete", "insert_inner", "delete_inner",
      "free_owner");
  private static final Pattern OCCURRENCE = Pattern.compile("<n([+-]\\d+)?>");

  private final Map<String, ObjectSpec> objects;
  private final Set<String> kernelTypes;
  private final long durationNs;
  private final String durationText;

  /** An expanded action with the node it came from, for ordering and messages. */
  record Entry(long timeNs, int order, ControlAction action, YNode node) {}

  TimelineSection(Map<String, ObjectSpec> objects, Set<String> kernelTypes, long durationNs, String durationText) {
    this.objects = objects;
    this.kernelTypes = kernelTypes;
    this.durationNs = durationNs;
    this.durationText = durationText;
  }

  List<RunSpec.TimedAction> read(YNode node) {
    List<Entry> entries = new ArrayList<>();
    for (YNode item : node.list()) {
      expand(item, entries);
    }
    entries.sort(Comparator.comparingLong(Entry::timeNs).thenComparingInt(Entry::order));
    new TimelineCheck(kernelTypes).check(entries);
    List<RunSpec.TimedAction> out = new ArrayList<>();
    for (Entry e : entries) {
      out.add(new RunSpec.TimedAction(e.timeNs(), e.action()));
    }
    return out;
  }

  private void expand(YNode item, List<Entry> entries) {
    YMap m = item.map();
    long at = m.require("at", item).duration();
    if (at > durationNs) {
      throw m.get("at").error("at " + m.get("at").text() + " is after the end of the run (duration "
          + durationText + ")");
    }
    if (!m.has("every")) {
      List<String> allowed = new ArrayList<>(ACTIONS);
      allowed.add("at");
      m.allow(allowed);
      if (m.size() != 2) {
        throw item.error("a timeline entry is 'at:' and one action (" + String.join(", ", ACTIONS)
            + "), or a repetition with every/count/until/do");
      }
      String kind = m.keyNames().get(m.keyNames().get(0).equals("at") ? 1 : 0);
      entries.add(new Entry(at, entries.size(), action(kind, m.get(kind), 1), m.get(kind)));
      return;
    }
    m.allow(List.of("at", "every", "count", "until", "do"));
    long every = m.get("every").duration();
    if (every <= 0) {
      throw m.get("every").error("'every' must be a positive duration");
    }
    if (m.has("count") == m.has("until")) {
      throw item.error("a repetition needs exactly one of 'count' and 'until'");
    }
    long count = m.has("count") ? m.get("count").integer(1, SizeLimits.MAX_TIMELINE_ACTIONS)
        : (Math.min(m.get("until").duration(), durationNs) - at) / every + 1;
    List<YNode> actions = m.require("do", item).list();
    long limit = SizeLimits.timelineActions();
    if (count > limit || entries.size() + count * actions.size() > limit) { // count first: the product may overflow
      throw item.error("this repetition expands to " + count * actions.size() + " actions; at most " + limit
          + (limit < SizeLimits.MAX_TIMELINE_ACTIONS ? " fit in this JVM's heap (" + MemoryLimit.size(
              Runtime.getRuntime().maxMemory()) + ")" : " are allowed")
          + " in a timeline");
    }
    for (int n = 1; n <= count; n++) {
      long t = at + (n - 1) * every;
      if (t > durationNs) {
        break;
      }
      for (YNode a : actions) {
        YMap am = a.map().allow(ACTIONS);
        if (am.size() != 1) {
          throw a.error("each item of 'do' is one action");
        }
        String kind = am.keyNames().get(0);
        entries.add(new Entry(t, entries.size(), action(kind, am.get(kind), n), am.get(kind)));
      }
    }
  }

  private ControlAction action(String kind, YNode v, int n) {
    return switch (kind) {
      case "load" -> {
        YMap m = v.map().allow(List.of("object", "as", "by"));
        String object = m.require("object", v).name();
        if (!objects.containsKey(object)) {
          throw m.get("object").error("unknown object '" + object + "'" + Suggest.nearest(object, objects.keySet()));
        }
        yield new ControlAction.LoadObject(name(m.require("by", v), n), objects.get(object),
            name(m.require("as", v), n));
      }
      case "close" -> {
        if (v.isScalar()) {
          yield new ControlAction.CloseObject(name(v, n), true);
        }
        YMap m = v.map().allow(List.of("instance", "detach"));
        yield new ControlAction.CloseObject(name(m.require("instance", v), n), !m.has("detach")
            || m.get("detach").bool());
      }
      case "exit" -> new ControlAction.ExitProcess(name(v, n));
      case "create_map" -> {
        YMap m = v.map().allow(List.of("by", "as", "btf_of", "spec"));
        String as = name(m.require("as", v), n);
        yield new ControlAction.CreateMap(name(m.require("by", v), n),
            ObjectsSection.map(as, m.require("spec", v), Set.of(), kernelTypesPlusAll(), false), as,
            m.has("btf_of") ? name(m.get("btf_of"), n) : null);
      }
      case "close_fd" -> {
        YMap m = v.map().allow(List.of("by", "map"));
        yield new ControlAction.CloseMapFd(name(m.require("by", v), n), MapRefs.parse(m.require("map", v), n));
      }
      case "pin" -> {
        YMap m = v.map().allow(List.of("map", "path"));
        yield new ControlAction.Pin(pinPath(m.require("path", v)), MapRefs.parse(m.require("map", v), n));
      }
      case "unpin" -> new ControlAction.Unpin(pinPath(v));
      case "update", "delete" -> {
        YMap m = v.map().allow(List.of("map", "key"));
        long key = m.require("key", v).integer(0, Integer.MAX_VALUE);
        yield kind.equals("update") ? new ControlAction.UpdateElement(MapRefs.parse(m.require("map", v), n), key)
            : new ControlAction.DeleteElement(MapRefs.parse(m.require("map", v), n), key);
      }
      case "insert_inner" -> {
        YMap m = v.map().allow(List.of("outer", "key", "inner"));
        yield new ControlAction.InsertInner(MapRefs.parse(m.require("outer", v), n),
            m.require("key", v).integer(0, Integer.MAX_VALUE), MapRefs.parse(m.require("inner", v), n));
      }
      case "free_owner" -> {
        YMap m = v.map().allow(List.of("owner", "key"));
        yield new ControlAction.FreeOwner(m.require("owner", v).as("owner").oneOf(List.of("task", "cgrp", "inode",
            "sk")), m.require("key", v).integer(0, Integer.MAX_VALUE));
      }
      default -> {
        YMap m = v.map().allow(List.of("outer", "key"));
        yield new ControlAction.DeleteInner(MapRefs.parse(m.require("outer", v), n),
            m.require("key", v).integer(0, Integer.MAX_VALUE));
      }
    };
  }

  /** Types a user-space map may name: checked against its btf_of object by {@link TimelineCheck}. */
  private Set<String> kernelTypesPlusAll() {
    Set<String> all = new java.util.LinkedHashSet<>(kernelTypes);
    for (ObjectSpec o : objects.values()) {
      all.addAll(o.types().keySet());
    }
    return all;
  }

  private static String pinPath(YNode v) {
    String p = v.text();
    if (!p.startsWith("/sys/fs/bpf/")) {
      throw v.error("a pin path lives in bpffs: expected /sys/fs/bpf/<name>, got '" + p + "'");
    }
    return p;
  }

  /** A name with <n>, <n+K>, <n-K> replaced by the occurrence number. */
  static String name(YNode v, int n) {
    String raw = v.name();
    Matcher m = OCCURRENCE.matcher(raw);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      int offset = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
      m.appendReplacement(b, Integer.toString(n + offset));
    }
    m.appendTail(b);
    String out = b.toString();
    if (out.contains("<") || out.contains(">")) {
      throw v.error("in " + v.what() + ", only <n>, <n+K> and <n-K> may stand in angle brackets, got '" + raw + "'");
    }
    return out;
  }
}
