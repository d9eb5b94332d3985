package org.allocsim.strategy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A design's identity, declared once on its class. Its options are its {@code static final ParameterSpec} fields,
 * keyed {@code <name>.<option>}, in declaration order. A subclass (a test's variant) is the same design.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Design {
  /** Command-line name, e.g. {@code global}. */
  String name();

  /** The rule in one line, for {@code allocsim list}. */
  String rule();

  /** The message or commit the rule comes from. */
  String source();

  /**
   * What the design does with the objects that landed after the thread (refcounted objects, graph roots, percpu
   * objects), where the thread is silent a choice, said as one; printed by {@code allocsim explain}.
   */
  String newObjects() default "";
}
