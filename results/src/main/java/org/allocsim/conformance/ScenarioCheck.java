package org.allocsim.conformance;

import java.util.List;

/**
 * A scenario's conformance result.
 *
 * @param scenario scenario name
 * @param notRun why the kernel check cannot express it, else null
 * @param events compared events, in order
 * @param note what was left out of the comparison (records not replayed), else empty
 */
record ScenarioCheck(String scenario, String notRun, List<Event> events, String note) {

  long loads() {
    return events.stream().filter(e -> e.event().startsWith("load ")).count();
  }

  long agreeing() {
    return events.stream().filter(Event::agree).count();
  }

  long unexplained() {
    return events.stream().filter(Event::unexplained).count();
  }
}
