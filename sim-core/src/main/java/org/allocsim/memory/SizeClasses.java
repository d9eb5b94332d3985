package org.allocsim.memory;

/**
 * Size classes of a size==0 allocator (e.g. bpf_global_ma). docs/kernel-allocator.md.
 *
 * <p>The kernel keeps {@code sizes[11] = {96, 192, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096}} and finds the bucket
 * of {@code size + LLIST_NODE_SZ} with {@code size_index[]} up to 192 and {@code fls(size - 1) - 2} above
 * (memalloc.c bpf_mem_cache_idx()). Here the same 11 buckets are numbered in ascending unit order; the mapping from
 * a request to a unit is identical. Every unit is a multiple of 8, so one byte per 8-byte step of the request is an
 * exact O(1) lookup table.
 */
public final class SizeClasses {
  /** NUM_CACHES in memalloc.c. */
  public static final int COUNT = 11;
  /** LLIST_NODE_SZ: the header that holds the llist_node while free and the owning cache pointer while live. */
  public static final int HEADER_BYTES = 8;
  /** BPF_MEM_ALLOC_SIZE_MAX - LLIST_NODE_SZ (bpf_mem_alloc_check_size(): larger is -E2BIG). */
  public static final int MAX_OBJECT_BYTES = 4088;

  private static final int MAX_UNIT_BYTES = 4096; // BPF_MEM_ALLOC_SIZE_MAX
  private static final int[] UNITS = {16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096};
  /** classByStep[(size - 1) / 8] = smallest class whose unit holds {@code size} bytes (header included). */
  private static final byte[] CLASS_BY_STEP = buildLookup();

  private SizeClasses() {}

  /**
   * Size class of a request of {@code objectBytes} (what the program asks for, without the header).
   *
   * @return index 0..10 in ascending unit order (16,32,64,96,128,192,256,512,1024,2048,4096), or -1 if
   *         size+8 &gt; 4096 or size &lt;= 0 (bpf_mem_alloc() returns NULL for both)
   */
  public static int classOf(int objectBytes) {
    if (objectBytes <= 0 || objectBytes > MAX_OBJECT_BYTES) {
      return -1;
    }
    return CLASS_BY_STEP[(objectBytes + HEADER_BYTES - 1) >>> 3];
  }

  /** Unit size in bytes (object + 8-byte header) of a size class 0..10. */
  public static int unitBytes(int sizeClass) {
    return UNITS[sizeClass];
  }

  /**
   * The kmalloc bucket a fixed-size allocator's {@code kmalloc_node(c->unit_size)} lands in, i.e. the bytes slab
   * really gives it: 72 -&gt; 96, 136 -&gt; 192, 264 -&gt; 512 (kmalloc_caches: powers of two plus 96 and 192);
   * above 4096 the next power of two (kmalloc-8k, then whole pages).
   */
  public static int kmallocBucket(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("bytes must be > 0: " + bytes);
    }
    if (bytes <= 8) {
      return 8; // kmalloc-8
    }
    if (bytes <= MAX_UNIT_BYTES) {
      return UNITS[CLASS_BY_STEP[(bytes - 1) >>> 3]];
    }
    return Integer.highestOneBit(bytes - 1) << 1;
  }

  /** Size class whose unit is exactly {@code unitBytes}, or -1 if no bucket has that unit. */
  static int classOfUnit(int unitBytes) {
    if (unitBytes < UNITS[0] || unitBytes > MAX_UNIT_BYTES || (unitBytes & 7) != 0) {
      return -1;
    }
    int cls = CLASS_BY_STEP[(unitBytes - 1) >>> 3];
    return UNITS[cls] == unitBytes ? cls : -1;
  }

  private static byte[] buildLookup() {
    byte[] table = new byte[MAX_UNIT_BYTES / 8];
    int cls = 0;
    for (int step = 0; step < table.length; step++) {
      int bytes = (step + 1) * 8; // largest size that falls in this step
      while (UNITS[cls] < bytes) {
        cls++;
      }
      table[step] = (byte) cls;
    }
    return table;
  }
}
