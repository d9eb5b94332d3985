package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The check that each field meant as a kptr is one in the loaded map's BTF (bpftool btf dump, raw format). */
class BtfKptrsTest {
  private static final String DUMP = """
      [1] STRUCT 'local_node' size=48 vlen=1
      \t'bytes' type_id=3 bits_offset=0
      [2] FWD 'only_behind_pointer' fwd_kind=struct
      [4] PTR '(anon)' type_id=5
      [5] TYPE_TAG 'kptr' type_id=1
      [6] PTR '(anon)' type_id=7
      [7] TYPE_TAG 'kptr' type_id=2
      [8] PTR '(anon)' type_id=1
      [9] STRUCT 'val_M' size=24 vlen=3
      \t'f' type_id=4 bits_offset=0
      \t'g' type_id=6 bits_offset=64
      \t'h' type_id=8 bits_offset=128
      """;

  @Test
  void onlyATaggedPointerToACompleteStructIsAKptr() {
    // g's struct is a forward declaration (the clang trap), h has no kptr tag.
    assertEquals(List.of("f"), BtfKptrs.of(DUMP, "val_M"));
    assertEquals(List.of(), BtfKptrs.of(DUMP, "val_other"));
  }
}
