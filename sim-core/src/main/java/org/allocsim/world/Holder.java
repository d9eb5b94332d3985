package org.allocsim.world;

/** Who keeps a map or a program alive: the kernel's reference kinds (docs/designs.md). */
public enum Holder {
  /** A file descriptor in a user-space process. */
  FD,
  /** A pin in bpffs. */
  PIN,
  /** A loaded program's used_maps entry. */
  PROGRAM,
  /** An outer map (map-in-map) slot holding an inner map. */
  OUTER_MAP,
  /** An attachment (link, prog array slot) that keeps a program running. */
  ATTACH
}
