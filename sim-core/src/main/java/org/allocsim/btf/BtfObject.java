package org.allocsim.btf;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One loaded BTF object. Every load of a BPF object file brings a fresh one, so reloading a program usually gives
 * it a new BTF object even when the source is unchanged (docs/designs.md, S9). Identity is object identity.
 */
public final class BtfObject implements BtfView {
  /** The vmlinux BTF: one per run, never freed. */
  public static final String VMLINUX = "vmlinux";

  private final int id;
  private final String name;
  private final boolean kernel;
  private final Map<String, BtfType> types = new LinkedHashMap<>();
  private int holders;
  private boolean freed;

  public BtfObject(int id, String name, boolean kernel) {
    this.id = id;
    this.name = Objects.requireNonNull(name);
    this.kernel = kernel;
  }

  @Override
  public int id() {
    return id;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean isKernel() {
    return kernel;
  }

  /** Declares a struct in this BTF object; declaring the same name twice with another size is an error. */
  public BtfType declare(String typeName, int sizeBytes) {
    BtfType existing = types.get(typeName);
    if (existing != null) {
      if (existing.sizeBytes() != sizeBytes) {
        throw new IllegalArgumentException("type " + typeName + " already declared in " + name
            + " with size " + existing.sizeBytes());
      }
      return existing;
    }
    BtfType type = new BtfType(this, typeName, sizeBytes);
    types.put(typeName, type);
    return type;
  }

  /** The type of that name in this BTF object, or null. */
  public BtfType type(String typeName) {
    return types.get(typeName);
  }

  public Iterable<BtfType> types() {
    return types.values();
  }

  /** A program or map that carries this BTF object takes a reference (btf_get). */
  public void get() {
    if (freed) {
      throw new IllegalStateException("btf_get on freed BTF object " + name);
    }
    holders++;
  }

  /** Drops a reference (btf_put); returns true when this was the last one and the object is now freed. */
  public boolean put() {
    if (holders <= 0) {
      throw new IllegalStateException("btf_put underflow on " + name);
    }
    holders--;
    if (holders == 0 && !kernel) {
      freed = true;
      return true;
    }
    return false;
  }

  public int holders() {
    return holders;
  }

  @Override
  public boolean isFreed() {
    return freed;
  }

  @Override
  public String toString() {
    return name + "#" + id;
  }
}
