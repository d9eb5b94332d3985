package org.allocsim.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading libbpf's debug output of a load that the verifier refused. */
class VerifierLogTest {
  private static final String OUTPUT = """
      libbpf: prog 'Pa': -- BEGIN PROG LOAD LOG --
      0: R1=ctx() R10=fp0
      invalid access to packet
      verification time 39 usec
      -- END PROG LOAD LOG --
      libbpf: prog 'Pwrong': BPF program load failed: Permission denied
      libbpf: prog 'Pwrong': -- BEGIN PROG LOAD LOG --
      78: (85) call bpf_kptr_xchg#194
      invalid kptr access, R2 type=ptr_local_node expected=ptr_leaf
      verification time 488 usec
      stack depth 16
      processed 85 insns (limit 1000000) max_states_per_insn 0 total_states 8 peak_states 8 mark_read 0
      -- END PROG LOAD LOG --
      libbpf: prog 'Pwrong': failed to load: -13
      Error: failed to load object file
      """;

  @Test
  void namesTheRefusedProgramAndItsOwnMessage() {
    assertEquals(Optional.of("Pwrong"), VerifierLog.refusedProgram(OUTPUT));
    assertEquals("invalid kptr access, R2 type=ptr_local_node expected=ptr_leaf",
        VerifierLog.reason(OUTPUT, "Pwrong"));
  }

  @Test
  void aFailureOutsideTheVerifierGivesLibbpfsLastLine() {
    assertEquals(Optional.empty(), VerifierLog.refusedProgram("libbpf: map 'outer.inner': can't determine value "
        + "size\nError: failed to open object file\n"));
    assertEquals("Error: failed to open object file", VerifierLog.reason("libbpf: map 'x': bad\n"
        + "Error: failed to open object file\n", null));
    assertEquals("EINVAL", VerifierLog.errno("Error: update failed: Invalid argument"));
  }
}
