package org.allocsim.kernel;

import org.allocsim.memory.ObjectTable;
import org.allocsim.world.BpfMap;
import org.allocsim.world.FieldRef;
import org.allocsim.world.Program;
import org.allocsim.world.SlotArray;
import org.allocsim.world.World;

/**
 * Reads ahead the map slots and object records a group of records will use, changing nothing, so that their cache
 * misses are in flight together rather than one after another (issue 17). Four passes, each short per record: where
 * the slots are (no miss: maps and chunk directories are small), a touch of each slot's line computed from its
 * index alone, the lookups (now hits) of the objects the slots hold, and a touch of each such object's record. A
 * single pass stalled on each probe: its per-record code filled the CPU's reorder window before the next miss issued.
 *
 * <p>When the slots and object records fit in the CPU's caches there are no misses to overlap and the passes are
 * pure cost (issue 17: the cache-resident bench ran at half the speed with them), so the replay reads ahead only
 * while {@link #workingSetBytes} is at least a threshold, checked once per batch of records.
 */
final class ReadAhead {
  /** Bytes of one object record in {@link ObjectTable} (two longs). */
  private static final long OBJECT_RECORD_BYTES = 16;

  private final SlotArray[] readSlots;
  private final long[] readIndex;
  private final SlotArray[] writtenSlots;
  private final long[] writtenIndex;
  private final int[] objects;
  // Written, never read: the store keeps the JIT from dropping the read-ahead loads as dead code.
  @SuppressWarnings("UnusedVariable")
  private long sink;

  ReadAhead(int group) {
    readSlots = new SlotArray[group];
    readIndex = new long[group];
    writtenSlots = new SlotArray[group];
    writtenIndex = new long[group];
    objects = new int[2 * group];
  }

  /**
   * What the records can touch, in bytes: the slot storage of every map not freed and the records of every object
   * slot ever used. A count of live maps' chunks, not of lines touched: an estimate to compare with a cache's size.
   */
  static long workingSetBytes(World world, ObjectTable table) {
    long bytes = table.capacity() * OBJECT_RECORD_BYTES;
    for (BpfMap m : world.maps()) {
      if (!m.isFreed()) {
        bytes += (m.slots() != null ? m.slots().heapBytes() : 0)
            + (m.elements() != null ? m.elements().heapBytes() : 0);
      }
    }
    return bytes;
  }

  /**
   * Finds, reading nothing but the maps' directories, the map slots a record will read and write: record i of its
   * group. A direct map's slot comes from the step's plan, as apply() finds it.
   */
  private void locate(DataPlane plane, int attachPoint, Program p, int op, long key1, long key2, int i) {
    StepPlan[] row = plane.plans().of(attachPoint, p);
    if (op >= row.length) {
      return;
    }
    StepPlan s = row[op];
    long writtenKey = s.code == StepPlan.MOVE ? key2 : key1;
    if (s.toSlots != null) {
      if (writtenKey >= 0 && writtenKey < s.toMax) {
        written(i, s.toSlots, s.toSlot(writtenKey));
      }
    } else if (s.step.to() != null) {
      BpfMap m = target(plane, s.step.to(), writtenKey);
      if (m != null) {
        written(i, m.slots(), slotOf(m, s.step.to(), writtenKey));
      }
    }
    if (s.fromSlots != null) {
      if (key1 >= 0 && key1 < s.fromMax) {
        read(i, s.fromSlots, s.fromSlot(key1));
      }
    } else if (s.step.from() != null) {
      BpfMap m = target(plane, s.step.from(), key1);
      if (m != null) {
        read(i, m.slots(), slotOf(m, s.step.from(), key1));
      }
    }
  }

  private static long slotOf(BpfMap m, FieldRef f, long key) {
    return m.slot(ValueLookups.valueKey(f, key), f.field());
  }

  /** The map whose slot the record reaches, when the key alone names the slot; else null. */
  private static BpfMap target(DataPlane plane, FieldRef f, long key) {
    if (key < 0) {
      return null;
    }
    BpfMap m = plane.lookups().target(f.map(), f.viaOuter(), key);
    if (m == null || m.slots() == null || LruHashes.applies(m) || m.copies() > 1) {
      return null; // an LRU map's key is not its element's index, a percpu map's slot needs the CPU: no read-ahead
    }
    return m;
  }

  /** The slot record i reads (kptr_xchg to NULL, a move's source). */
  private void read(int i, SlotArray slots, long index) {
    readSlots[i] = slots;
    readIndex[i] = index;
  }

  /** The slot record i writes (an exchange whose previous object is freed). */
  private void written(int i, SlotArray slots, long index) {
    writtenSlots[i] = slots;
    writtenIndex[i] = index;
  }

  /** Reads ahead records from..to-1 of batch; malformed records are left to apply(). */
  void run(RecordBatch batch, int from, int to, int[] attachPointOf, DataPlane plane, World world,
      ObjectTable table) {
    int n = to - from;
    for (int i = 0; i < n; i++) {
      readSlots[i] = null;
      writtenSlots[i] = null;
      int r = from + i;
      int program = batch.program[r];
      int attachPoint = program >= 0 && program < attachPointOf.length ? attachPointOf[program] : -1;
      Program p = attachPoint >= 0 ? world.attached(attachPoint) : null;
      if (p != null) {
        locate(plane, attachPoint, p, batch.step[r], batch.key1[r], batch.key2[r], i);
      }
    }
    long s = 0;
    for (int i = 0; i < n; i++) {
      if (readSlots[i] != null) {
        s += readSlots[i].touch(readIndex[i]);
      }
      if (writtenSlots[i] != null) {
        s += writtenSlots[i].touch(writtenIndex[i]);
      }
    }
    for (int i = 0; i < n; i++) {
      objects[2 * i] = readSlots[i] != null ? readSlots[i].get(readIndex[i]) : -1;
      objects[2 * i + 1] = writtenSlots[i] != null ? writtenSlots[i].get(writtenIndex[i]) : -1;
    }
    int capacity = table.capacity();
    for (int i = 0; i < 2 * n; i++) {
      int obj = objects[i];
      if (obj >= 0 && obj < capacity) {
        s += table.touch(obj);
      }
    }
    sink += s;
  }
}
