package org.allocsim.kernel;

/**
 * Names a map in a timeline action: a map of an object load ({@code object}, {@code map}) or a pinned map
 * ({@code pin}).
 *
 * @param object instance name of the object load (or of a map created from user space), else null
 * @param map map name within that load, else null
 * @param pin bpffs path, else null
 */
public record MapRef(String object, String map, String pin) {
  public MapRef {
    if ((pin == null) == (object == null || map == null)) {
      throw new IllegalArgumentException("a map reference is either object+map or a pin path");
    }
  }

  public static MapRef of(String object, String map) {
    return new MapRef(object, map, null);
  }

  public static MapRef pinned(String path) {
    return new MapRef(null, null, path);
  }

  @Override
  public String toString() {
    return pin != null ? pin : object + "." + map;
  }
}
