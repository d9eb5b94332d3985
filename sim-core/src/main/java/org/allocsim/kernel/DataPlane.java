package org.allocsim.kernel;

import org.allocsim.memory.BpfMemAlloc;
import org.allocsim.memory.ObjectTable;
import org.allocsim.world.BpfMap;
import org.allocsim.world.FieldRef;
import org.allocsim.world.Step;
import org.allocsim.world.Program;
import org.allocsim.world.World;

/**
 * Applies trace records: one step of a program run each. This is the hot path: no Java object is allocated per
 * record, and the oracle's checks are a flag test per free.
 */
final class DataPlane {
  private final Engine engine;
  private final StrategyPort strategy;
  private final World world;
  private final ObjectTable objects;
  private final GraphSteps graphSteps;
  private final ElementUpdates elementUpdates;
  private final StepPlans plans = new StepPlans();
  private final ValueLookups lookups;
  /** The run's observations or null, set before the run starts: a field, not a call per record. */
  private Observations observations;
  private long records;
  private long idleRuns;
  private long nullAllocs;

  DataPlane(Engine engine, StrategyPort strategy) {
    this.engine = engine;
    this.strategy = strategy;
    this.world = engine.world();
    this.objects = engine.objects();
    this.lookups = new ValueLookups(engine);
    this.graphSteps = new GraphSteps(engine, this);
    this.elementUpdates = new ElementUpdates(engine, strategy, this);
  }

  StepPlans plans() {
    return plans;
  }

  ValueLookups lookups() {
    return lookups;
  }

  GraphSteps graphSteps() {
    return graphSteps;
  }

  ElementUpdates elementUpdates() {
    return elementUpdates;
  }

  long records() {
    return records;
  }

  long idleRuns() {
    return idleRuns;
  }

  long nullAllocs() {
    return nullAllocs;
  }

  private int currentCpu;
  private int currentAttachPoint;
  private int currentOp;

  /** Words for the record being applied, for the oracle. */
  String describeCurrent() {
    Program p = world.attached(currentAttachPoint);
    String name = p != null ? p.toString() : world.attachPointNames().get(currentAttachPoint);
    String step = p != null && currentOp < p.stepCount() ? " (" + p.step(currentOp) + ")" : "";
    return "run " + name + " step " + currentOp + step + " on cpu " + currentCpu;
  }

  /** One record: the program at an attach point runs step op on cpu. */
  void apply(int cpu, int attachPoint, int op, long key1, long key2) {
    records++;
    currentCpu = cpu;
    currentAttachPoint = attachPoint;
    currentOp = op;
    Program p = world.attached(attachPoint);
    if (p == null) {
      idleRuns++;
      return;
    }
    StepPlan[] row = plans.of(attachPoint, p);
    if (op >= row.length) {
      throw new TraceException("program " + p.name() + " has " + p.stepCount() + " steps; record names step "
          + op);
    }
    StepPlan s = row[op];
    switch (s.code) {
      case StepPlan.ALLOC_STORE -> {
        int obj = alloc(p, s.step, cpu);
        if (obj >= 0) {
          store(p, s, key1, obj, cpu);
        }
      }
      case StepPlan.ALLOC_DROP -> {
        int obj = alloc(p, s.step, cpu);
        if (obj >= 0) {
          engine.drop(obj, null, -1, cpu);
        }
      }
      case StepPlan.TAKE_DROP -> take(p, s, key1, cpu, true);
      case StepPlan.MOVE -> {
        int obj = take(p, s, key1, cpu, false);
        if (obj >= 0) {
          store(p, s, key2, obj, cpu);
        }
      }
      default -> applyOther(p, s.step, cpu, key1, key2);
    }
  }

  /** The kinds a {@link StepPlan} leaves to the step itself. */
  private void applyOther(Program p, Step o, int cpu, long key1, long key2) {
    switch (o.kind()) {
      case TAKE_HOLD -> {
        int obj = take(p, o, key1, cpu, false);
        if (obj >= 0) {
          int previous = p.held(cpu);
          if (previous >= 0) {
            engine.drop(previous, null, -1, cpu);
          }
          p.setHeld(cpu, obj);
        }
      }
      case ACQUIRE_STORE -> {
        int obj = engine.kernelObjects().acquire(o.allocType(), cpu, p.context());
        if (obj == KernelObjects.EXISTING) {
          storeReference(o.to(), key1, cpu);
        } else if (obj >= 0) {
          observe(StepOutcome.ALLOCATED);
          store(p, o.to(), key1, obj, cpu);
        } else {
          nullAllocs++; // bpf_cpumask_create() returned NULL
          observe(StepOutcome.ALLOC_NULL);
        }
      }
      case ACQUIRE_RELEASE -> {
        int obj = engine.kernelObjects().acquire(o.allocType(), cpu, p.context());
        if (obj >= 0) {
          observe(StepOutcome.ALLOCATED);
          engine.drop(obj, null, -1, cpu);
        } else if (obj != KernelObjects.EXISTING) {
          nullAllocs++;
          observe(StepOutcome.ALLOC_NULL);
        }
      }
      case PUT_HELD -> {
        int obj = p.held(cpu);
        if (obj >= 0) {
          p.setHeld(cpu, -1);
          store(p, o.to(), key1, obj, cpu);
        }
      }
      case MAP_UPDATE, MAP_DELETE -> elementUpdates.apply(p, o, cpu, key1);
      default -> graphSteps.apply(p, o, cpu, key1, key2);
    }
  }

  void observeInto(Observations o) {
    this.observations = o;
  }

  /** Counts an outcome of the current step (graph steps and map operations count theirs through it too). */
  void observe(StepOutcome outcome) {
    if (observations != null) {
      observations.step(world.attached(currentAttachPoint).name(), currentOp, outcome);
    }
  }

  int alloc(Program p, Step o, int cpu) {
    int a = strategy.allocatorFor(p, o);
    if (a < 0) {
      nullAllocs++;
      observe(StepOutcome.ALLOC_NULL);
      return -1;
    }
    BpfMemAlloc allocator = engine.allocator(a);
    if (allocator.destroyed()) {
      engine.useAfterFree(-1, a, "allocation from destroyed allocator " + allocator.name());
      return -1;
    }
    int obj = allocator.alloc(cpu, o.allocType().sizeBytes(), p.context());
    observe(obj >= 0 ? StepOutcome.ALLOCATED : StepOutcome.ALLOC_NULL);
    if (obj >= 0) {
      engine.graph().created(obj, o.allocTypeId(), false);
      strategy.allocated(obj, allocator.ref(), cpu);
    }
    return obj;
  }

  /** store of the plan's written field: a direct map's slot from the key alone. */
  private void store(Program p, StepPlan s, long key, int obj, int cpu) {
    if (s.toSlots == null) {
      store(p, s.step.to(), key, obj, cpu);
    } else if (key >= s.toMax) {
      lookupNull(obj, cpu);
    } else {
      exchangeInto(s.toMap, s.toSlot(key), s.toField, obj, cpu);
    }
  }

  void store(Program p, FieldRef f, long key, int obj, int cpu) {
    BpfMap m = lookups.target(f.map(), f.viaOuter(), key);
    if (m == null) {
      lookupNull(obj, cpu);
      return;
    }
    long valueKey = lookups.element(m, ValueLookups.valueKey(f, key), true, cpu);
    if (!engine.elements().ensure(m, valueKey, cpu, p.context())) {
      // The element could not be allocated: the update fails and the program releases the object.
      lookupNull(obj, cpu);
      return;
    }
    exchangeInto(m, m.slot(valueKey, f.field()), f.field(), obj, cpu);
  }

  /** kptr_xchg(&slot, obj): the previous object, if any, is dropped. */
  private void exchangeInto(BpfMap m, long slot, int field, int obj, int cpu) {
    int old = m.slots().exchange(slot, obj);
    m.kptrSlotChanged(objects.allocator(obj), objects.unitBytes(obj), 1);
    if (old >= 0) {
      observe(StepOutcome.REPLACED);
      m.kptrSlotChanged(objects.allocator(old), objects.unitBytes(old), -1);
      engine.drop(old, m, field, cpu);
    }
  }

  /** bpf_map_lookup_elem returned NULL: the verifier makes the program release what it holds. */
  private void lookupNull(int obj, int cpu) {
    observe(StepOutcome.LOOKUP_NULL);
    engine.drop(obj, null, -1, cpu);
  }

  /** bpf_kptr_xchg(&to, task) of a reference to an existing kernel object: no memory moves. */
  private void storeReference(FieldRef f, long key, int cpu) {
    BpfMap m = lookups.target(f.map(), f.viaOuter(), key);
    if (m != null) {
      engine.kernelObjects().storeReference(m,
          m.slot(lookups.element(m, ValueLookups.valueKey(f, key), true, cpu), f.field()));
    }
  }

  /** take of the plan's read field: a direct map's slot from the key alone. */
  private int take(Program p, StepPlan s, long key, int cpu, boolean drop) {
    if (s.fromSlots == null) {
      return take(p, s.step, key, cpu, drop);
    }
    if (key >= s.fromMax) {
      observe(StepOutcome.LOOKUP_NULL);
      return -1;
    }
    if (!strategy.takeReturnsObject(p, s.step)) {
      observe(StepOutcome.EMPTY);
      return -1;
    }
    return key < 0 ? -1 : takeFrom(s.fromMap, s.fromSlot(key), s.fromField, cpu, drop);
  }

  /** kptr_xchg(&from, NULL); with drop, the object is freed at once. Returns the object taken, or -1. */
  int take(Program p, Step o, long key, int cpu, boolean drop) {
    FieldRef f = o.from();
    BpfMap m = lookups.target(f.map(), f.viaOuter(), key);
    if (m == null) {
      observe(StepOutcome.LOOKUP_NULL);
      return -1;
    }
    if (!strategy.takeReturnsObject(p, o)) {
      observe(StepOutcome.EMPTY);
      return -1;
    }
    long element = lookups.element(m, ValueLookups.valueKey(f, key), false, cpu);
    return element < 0 ? -1 : takeFrom(m, m.slot(element, f.field()), f.field(), cpu, drop);
  }

  private int takeFrom(BpfMap m, long slot, int field, int cpu, boolean drop) {
    int obj = elementUpdates.takeSlot(m, slot);
    observe(obj >= 0 ? StepOutcome.TAKEN : StepOutcome.EMPTY);
    if (obj < 0) {
      engine.kernelObjects().takeReference(m, slot); // a task_struct reference: released, nothing freed
      return -1;
    }
    if (drop) {
      engine.drop(obj, m, field, cpu);
    }
    return obj;
  }
}
