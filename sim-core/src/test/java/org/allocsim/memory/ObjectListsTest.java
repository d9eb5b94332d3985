package org.allocsim.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The int stacks keep the order of the kernel's llists: checked against linked lists, head first, under random
 * moves.
 */
class ObjectListsTest {
  private static final int CACHES = 3;

  @Test
  void movesKeepTheOrderOfLinkedLists() {
    ObjectLists a = new ObjectLists(CACHES);
    ObjectLists b = new ObjectLists(CACHES);
    List<Deque<Integer>> wantA = lists();
    List<Deque<Integer>> wantB = lists();
    SplittableRandom r = new SplittableRandom(17);
    int next = 0;
    for (int step = 0; step < 20_000; step++) {
      int c = r.nextInt(CACHES);
      int to = r.nextInt(CACHES);
      switch (r.nextInt(6)) {
        case 0, 1 -> { // llist_add
          a.push(c, next);
          wantA.get(c).addFirst(next++);
        }
        case 2 -> { // llist_del_first
          Integer head = wantA.get(c).pollFirst();
          assertEquals(head == null ? ObjectTable.NIL : head, a.pop(c));
        }
        case 3 -> { // __llist_del_all into b, which it replaces
          b.takeAll(c, a);
          wantB.set(c, wantA.get(c));
          wantA.set(c, new ArrayDeque<>());
        }
        case 4 -> { // llist_add_batch of b's list c in front of a's list to
          a.addAllInFront(to, b, c);
          Deque<Integer> moved = wantB.get(c);
          moved.descendingIterator().forEachRemaining(wantA.get(to)::addFirst);
          moved.clear();
        }
        default -> { // llist_add of each of b's list c, from its head, onto a's list to
          a.addEachInFront(to, b, c);
          Deque<Integer> moved = wantB.get(c);
          moved.forEach(wantA.get(to)::addFirst);
          moved.clear();
        }
      }
      assertLists(wantA, a);
      assertLists(wantB, b);
    }
  }

  private static List<Deque<Integer>> lists() {
    List<Deque<Integer>> l = new ArrayList<>();
    for (int c = 0; c < CACHES; c++) {
      l.add(new ArrayDeque<>());
    }
    return l;
  }

  private static void assertLists(List<Deque<Integer>> want, ObjectLists got) {
    for (int c = 0; c < CACHES; c++) {
      assertEquals(want.get(c).size(), got.size(c), "length of list " + c);
      int k = 0;
      for (int obj : want.get(c)) {
        assertEquals(obj, got.get(c, k++), "object " + k + " of list " + c);
      }
    }
  }
}
