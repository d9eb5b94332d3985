package org.allocsim.world;

import java.util.Objects;

/**
 * A {@code struct T __kptr *f} field in a map value. Whether T is a kernel or a program-local type is decided as
 * btf_parse_kptr() does: by looking the name up in vmlinux first (docs/designs.md, what landed).
 *
 * @param name field name, e.g. {@code node}
 * @param typeName the pointee struct name, e.g. {@code cgv_node}
 */
public record KptrField(String name, String typeName) {
  public KptrField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(typeName, "typeName");
  }
}
