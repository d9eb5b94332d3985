package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the kernel and the model agree on an event. */
class AgreementTest {
  private static final String MODEL_REFUSAL = "refused: invalid kptr access: type=ptr_val (mk.bpf.o@v2) expected=ptr_val (mk.bpf.o@v1)";

  @Test
  void aRefusalAgreesWhenTheVerifierNamesTheModelsCause() {
    assertTrue(Agreement.agree("load v2/p", "refused: invalid kptr access, R2 type=ptr_val expected=ptr_val",
        MODEL_REFUSAL));
    assertFalse(Agreement.agree("load v2/p", "refused: R1 has no valid kptr", MODEL_REFUSAL));
    assertFalse(Agreement.agree("load v2/p", "accepted", MODEL_REFUSAL));
  }

  @Test
  void insertsCompareTheVerdictAndOtherEventsTheirText() {
    assertTrue(Agreement.agree("insert i into a.outer[0]", "refused: EINVAL", "refused: bpf_map_meta_equal: x"));
    assertFalse(Agreement.agree("insert i into a.outer[0]", "accepted", "refused: bpf_map_meta_equal: x"));
    assertTrue(Agreement.agree("steps p/0 alloc_store", "allocated=2", "allocated=2"));
    assertFalse(Agreement.agree("map free a.m", "dropped 1", "dropped 2"));
  }
}
