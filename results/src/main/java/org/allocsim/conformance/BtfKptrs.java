package org.allocsim.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which members of a struct the kernel will take for kptrs, read from {@code bpftool btf dump} of the loaded map's
 * BTF object: a pointer whose pointee is a {@code kptr} type tag on a complete struct. A tag on a forward
 * declaration is no kptr (the trap the generated {@code allocsim_keep} program avoids).
 */
final class BtfKptrs {
  /** __kptr, __percpu_kptr, __kptr_untrusted: each makes the member a kptr field (btf_parse_kptr). */
  private static final java.util.Set<String> KPTR_TAGS = java.util.Set.of("kptr", "percpu_kptr", "kptr_untrusted");
  private static final Pattern TYPE = Pattern.compile("^\\[(\\d+)] (\\w+) '([^']*)'(.*)$");
  private static final Pattern REF = Pattern.compile("type_id=(\\d+)");
  private static final Pattern MEMBER = Pattern.compile("^\\s+'([^']*)' type_id=(\\d+)");

  private record Type(String kind, String name, int ref) {}

  private BtfKptrs() {}

  /** Members of {@code struct structName} that are kptrs, in order. */
  static List<String> of(String dump, String structName) {
    Map<Integer, Type> types = new HashMap<>();
    Map<Integer, List<String[]>> members = new HashMap<>();
    int current = -1;
    for (String line : dump.lines().toList()) {
      Matcher t = TYPE.matcher(line);
      if (t.matches()) {
        current = Integer.parseInt(t.group(1));
        Matcher r = REF.matcher(t.group(4));
        types.put(current, new Type(t.group(2), t.group(3), r.find() ? Integer.parseInt(r.group(1)) : -1));
        continue;
      }
      Matcher m = MEMBER.matcher(line);
      if (m.find() && current >= 0) {
        members.computeIfAbsent(current, k -> new ArrayList<>()).add(new String[] {m.group(1), m.group(2)});
      }
    }
    List<String> out = new ArrayList<>();
    for (Map.Entry<Integer, Type> e : types.entrySet()) {
      if (e.getValue().kind().equals("STRUCT") && e.getValue().name().equals(structName)) {
        for (String[] member : members.getOrDefault(e.getKey(), List.of())) {
          if (isKptr(types, Integer.parseInt(member[1]))) {
            out.add(member[0]);
          }
        }
      }
    }
    return out;
  }

  private static boolean isKptr(Map<Integer, Type> types, int id) {
    Type ptr = types.get(id);
    if (ptr == null || !ptr.kind().equals("PTR")) {
      return false;
    }
    Type tag = types.get(ptr.ref());
    if (tag == null || !tag.kind().equals("TYPE_TAG") || !KPTR_TAGS.contains(tag.name())) {
      return false;
    }
    Type target = types.get(tag.ref());
    return target != null && target.kind().equals("STRUCT");
  }
}
