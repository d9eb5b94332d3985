package org.allocsim.world;

import java.util.ArrayList;
import java.util.List;

/** A user-space process (a katran or Cilium agent). Its file descriptors hold maps and programs. */
@SuppressWarnings("JavaLangClash") // the kernel's word; never used beside java.lang.Process
public final class Process {
  private final int id;
  private final String name;
  private final List<BpfMap> mapFds = new ArrayList<>();
  private final List<Program> programFds = new ArrayList<>();
  private boolean exited;

  Process(int id, String name) {
    this.id = id;
    this.name = name;
  }

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public boolean hasExited() {
    return exited;
  }

  void markExited() {
    exited = true;
  }

  /** Open map fds, one entry per fd. */
  public List<BpfMap> mapFds() {
    return mapFds;
  }

  /** Open program fds, one entry per fd. */
  public List<Program> programFds() {
    return programFds;
  }

  @Override
  public String toString() {
    return "process " + name;
  }
}
