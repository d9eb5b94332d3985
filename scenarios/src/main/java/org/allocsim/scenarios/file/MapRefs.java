package org.allocsim.scenarios.file;

import org.allocsim.kernel.MapRef;

/** Map references in the timeline: {@code instance.map}, a map created from user space by its name, or a pin. */
final class MapRefs {
  private MapRefs() {}

  static MapRef parse(YNode v, int n) {
    String text = v.text();
    if (text.startsWith("/")) {
      if (!text.startsWith("/sys/fs/bpf/")) {
        throw v.error("a pin path lives in bpffs: expected /sys/fs/bpf/<name>, got '" + text + "'");
      }
      return MapRef.pinned(text);
    }
    String ref = TimelineSection.name(v, n);
    int dot = ref.lastIndexOf('.');
    if (dot < 0) {
      return MapRef.of(ref, ref); // a map created from user space is its own instance
    }
    if (dot == 0 || dot == ref.length() - 1) {
      throw v.error("expected instance.map, a created map's name or a /sys/fs/bpf/ path, got '" + ref + "'");
    }
    return MapRef.of(ref.substring(0, dot), ref.substring(dot + 1));
  }
}
