package org.allocsim.memory;

import java.util.Arrays;

/**
 * One llist of every cache (free_llist, free_by_rcu, ...), each a LIFO stack of object ids in an int array: the head
 * of the kernel's list is the top of the stack. Issue 17: as intrusive lists threaded through the object records,
 * every move of a batch (a grace period's splice, a refill's reuse) was a chain of dependent cache misses, one per
 * object; here a batch moves as one array copy and a walk over it reads ids in sequence, so the objects' records can
 * be fetched together. Only the order matters to the model (reuse order is the kernel's), and it is kept.
 */
final class ObjectLists {
  private static final int FIRST = 8;

  private final int[][] ids;
  private final int[] size;

  ObjectLists(int caches) {
    ids = new int[caches][];
    size = new int[caches];
    for (int c = 0; c < caches; c++) {
      ids[c] = new int[FIRST];
    }
  }

  boolean isEmpty(int c) {
    return size[c] == 0;
  }

  int size(int c) {
    return size[c];
  }

  /** The k-th object from the head (0: the head). */
  int get(int c, int k) {
    return ids[c][size[c] - 1 - k];
  }

  /** llist_add(): obj becomes the head. */
  void push(int c, int obj) {
    int n = size[c];
    if (n == ids[c].length) {
      ids[c] = Arrays.copyOf(ids[c], n * 2);
    }
    ids[c][n] = obj;
    size[c] = n + 1;
  }

  /** llist_del_first(): the head, or NIL when empty. */
  int pop(int c) {
    int n = size[c];
    if (n == 0) {
      return ObjectTable.NIL;
    }
    size[c] = n - 1;
    return ids[c][n - 1];
  }

  /** __llist_del_all() of {@code from}'s list c into list c here, which it replaces (its objects are dropped). */
  void takeAll(int c, ObjectLists from) {
    int[] mine = ids[c];
    ids[c] = from.ids[c];
    size[c] = from.size[c];
    from.ids[c] = mine;
    from.size[c] = 0;
  }

  /** llist_add_batch(): all of {@code from}'s list c, in its order, in front of list {@code to} here; from empties. */
  void addAllInFront(int to, ObjectLists from, int c) {
    int n = from.size[c];
    int have = size[to];
    if (have + n > ids[to].length) {
      ids[to] = Arrays.copyOf(ids[to], Math.max(have + n, ids[to].length * 2));
    }
    System.arraycopy(from.ids[c], 0, ids[to], have, n);
    size[to] = have + n;
    from.size[c] = 0;
  }

  /** llist_add() of each object of {@code from}'s list c onto list {@code to} here, head first: reverses them. */
  void addEachInFront(int to, ObjectLists from, int c) {
    int[] src = from.ids[c];
    for (int k = from.size[c] - 1; k >= 0; k--) {
      push(to, src[k]);
    }
    from.size[c] = 0;
  }

  /**
   * {@code k} llist_del_first() from {@code from}'s list c, each llist_add()ed onto list {@code to} here as it comes:
   * the moved objects end up reversed, the last popped on top. One pass over the ids, no object touched.
   */
  void moveFirst(int to, ObjectLists from, int c, int k) {
    int have = size[to];
    if (have + k > ids[to].length) {
      ids[to] = Arrays.copyOf(ids[to], Math.max(have + k, ids[to].length * 2));
    }
    int[] src = from.ids[c];
    int[] dst = ids[to];
    int top = from.size[c] - 1;
    for (int j = 0; j < k; j++) {
      dst[have + j] = src[top - j];
    }
    size[to] = have + k;
    from.size[c] = top + 1 - k;
  }

  /** Whether obj is on list c (a search: for state lookups off the per-record path). */
  boolean contains(int c, int obj) {
    int[] a = ids[c];
    for (int k = size[c] - 1; k >= 0; k--) {
      if (a[k] == obj) {
        return true;
      }
    }
    return false;
  }

  /** The ids of list c from the tail to the head, for walks that only need each object once; valid until changed. */
  int[] raw(int c) {
    return ids[c];
  }
}
