package org.allocsim.memory;

/**
 * Byte and object counters of one allocator, moved together on every state change so that
 * {@code allocated == live + cached + waiting + returned} holds after every step without scans.
 * One method per edge of the object life cycle (docs/kernel-allocator.md, cover letter of the bpf_mem_free_rcu series).
 */
final class Accounts {
  long liveObjects;
  long liveBytes;
  long cachedBytes;
  long waitingBytes;
  long allocatedBytes;
  long returnedBytes;

  /** alloc_bulk()/prefill: kmalloc straight onto free_llist. */
  void slabToCache(int unit) {
    allocatedBytes += unit;
    cachedBytes += unit;
  }

  /** unit_alloc(). */
  void cacheToLive(int unit) {
    cachedBytes -= unit;
    liveBytes += unit;
    liveObjects++;
  }

  /** unit_free(). */
  void liveToCache(int unit) {
    liveBytes -= unit;
    liveObjects--;
    cachedBytes += unit;
  }

  /** unit_free_rcu(). */
  void liveToWaiting(int unit) {
    liveBytes -= unit;
    liveObjects--;
    waitingBytes += unit;
  }

  /** free_bulk(): trimmed objects go to free_by_rcu_ttrace. */
  void cacheToWaiting(int unit) {
    cachedBytes -= unit;
    waitingBytes += unit;
  }

  /** alloc_bulk(): reuse of {@code n} objects from free_by_rcu_ttrace / waiting_for_gp_ttrace. */
  void waitingToCache(int unit, int n) {
    long bytes = (long) unit * n;
    waitingBytes -= bytes;
    cachedBytes += bytes;
  }

  /** __free_rcu() or the drain of an RCU list by destroy. */
  void waitingToSlab(int unit) {
    waitingBytes -= unit;
    returnedBytes += unit;
  }

  /** Drain of free_llist by destroy. */
  void cacheToSlab(int unit) {
    cachedBytes -= unit;
    returnedBytes += unit;
  }

  /** A live object written off to slab after a use-after-free (the kernel would corrupt memory instead). */
  void liveToSlab(int unit) {
    liveBytes -= unit;
    liveObjects--;
    returnedBytes += unit;
  }

  /** bpf_mem_free(other_ma, p): the live object leaves this allocator's books ... */
  void liveOut(int unit) {
    liveBytes -= unit;
    liveObjects--;
    allocatedBytes -= unit;
  }

  /** ... and enters the books of the allocator it is freed into. */
  void liveIn(int unit) {
    liveBytes += unit;
    liveObjects++;
    allocatedBytes += unit;
  }

  /** free_bulk() to another allocator's cache (c->tgt): the cached object leaves these books ... */
  void cachedOut(int unit) {
    cachedBytes -= unit;
    allocatedBytes -= unit;
  }

  /** __free_by_rcu() to another allocator's cache (c->tgt): the waiting object leaves these books ... */
  void waitingOut(int unit) {
    waitingBytes -= unit;
    allocatedBytes -= unit;
  }

  /** ... and waits for the tasks-trace grace period in the owning allocator's. */
  void waitingIn(int unit) {
    waitingBytes += unit;
    allocatedBytes += unit;
  }
}
