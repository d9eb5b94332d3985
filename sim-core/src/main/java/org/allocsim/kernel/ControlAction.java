package org.allocsim.kernel;

import java.util.Objects;
import org.allocsim.world.MapSpec;
import org.allocsim.world.ObjectSpec;

/** A user-space action on the timeline: the control events DSOL schedules. */
public sealed interface ControlAction {

  /** Short description for verdicts, violations and logs. */
  String describe();

  /** A process opens and loads an object file (bpf_object__load); pinned maps are reused by path. */
  record LoadObject(String process, ObjectSpec spec, String instance) implements ControlAction {
    public LoadObject {
      Objects.requireNonNull(process);
      Objects.requireNonNull(spec);
      Objects.requireNonNull(instance);
    }

    @Override
    public String describe() {
      return "load " + instance + " (" + spec.name() + ") by " + process;
    }
  }

  /** bpf_object__close by its loader; with {@code detach} its programs are detached too. */
  record CloseObject(String instance, boolean detach) implements ControlAction {
    @Override
    public String describe() {
      return "close " + instance;
    }
  }

  /** A process exits (user-space restart): its fds close; attachments stay, as a crashed agent leaves XDP. */
  record ExitProcess(String process) implements ControlAction {
    @Override
    public String describe() {
      return "exit " + process;
    }
  }

  /** A process creates a map from user space (katran's per-CPU LRU inner maps); BTF from a loaded object. */
  record CreateMap(String process, MapSpec spec, String instance, String btfOf) implements ControlAction {
    @Override
    public String describe() {
      return "create map " + instance + "." + spec.name() + " by " + process;
    }
  }

  /** A process closes one fd of a map (S4: close(inner_fd)). */
  record CloseMapFd(String process, MapRef map) implements ControlAction {
    @Override
    public String describe() {
      return "close fd of " + map + " by " + process;
    }
  }

  record Pin(String path, MapRef map) implements ControlAction {
    @Override
    public String describe() {
      return "pin " + map + " at " + path;
    }
  }

  record Unpin(String path) implements ControlAction {
    @Override
    public String describe() {
      return "unpin " + path;
    }
  }

  /** bpf_map_update_elem from user space: an overwrite drops the old value's kptrs. */
  record UpdateElement(MapRef map, long key) implements ControlAction {
    @Override
    public String describe() {
      return "update " + map + "[" + key + "]";
    }
  }

  /** bpf_map_delete_elem from user space: drops the value's kptrs. */
  record DeleteElement(MapRef map, long key) implements ControlAction {
    @Override
    public String describe() {
      return "delete " + map + "[" + key + "]";
    }
  }

  /** Inserts an inner map into an outer map slot. */
  record InsertInner(MapRef outer, long key, MapRef inner) implements ControlAction {
    @Override
    public String describe() {
      return "insert " + inner + " into " + outer + "[" + key + "]";
    }
  }

  /**
   * The owner of local storage dies (a task exits, a cgroup is removed, an inode or socket is freed): its storage in
   * every local-storage map of its kind goes (bpf_local_storage_destroy).
   */
  record FreeOwner(String owner, long key) implements ControlAction {
    public FreeOwner {
      Objects.requireNonNull(owner);
    }

    @Override
    public String describe() {
      return "free " + owner + " " + key;
    }
  }

  /** Deletes an inner map from an outer map slot. */
  record DeleteInner(MapRef outer, long key) implements ControlAction {
    @Override
    public String describe() {
      return "delete inner " + outer + "[" + key + "]";
    }
  }
}
