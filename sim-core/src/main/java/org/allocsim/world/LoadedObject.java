package org.allocsim.world;

import java.util.List;
import java.util.Map;
import org.allocsim.btf.BtfObject;

/**
 * One load of an object file (bpf_object__load): its new BTF object, the maps it created or reused from pins, and
 * its programs, accepted or not.
 *
 * @param instance the name the timeline uses for this load, e.g. {@code katran@2}
 * @param spec the object file
 * @param btf the BTF object this load brought
 * @param loader the loading process
 * @param maps map name to map instance
 * @param programs the program loads, in file order
 */
public record LoadedObject(String instance, ObjectSpec spec, BtfObject btf, Process loader, Map<String, BpfMap> maps,
    List<Program> programs) {}
