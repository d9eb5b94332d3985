/**
 * BTF objects and the types they carry. Type identity of program-local types is per BTF object, as
 * {@code btf_types_are_same()} in kernel/bpf/btf.c has it; kernel (vmlinux) types are identical by name.
 */
package org.allocsim.btf;
