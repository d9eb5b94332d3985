package org.allocsim.scenarios.file;

/**
 * A parameter as {@code allocsim params} lists it.
 *
 * @param key the key ({@code cpus}, {@code rcu.grace_period_ns}, or a scenario's own, e.g. {@code rate})
 * @param value the value this run uses (the scenario's, overridden by --set)
 * @param defaultValue the default before the scenario and --set
 * @param unit its unit
 * @param source where the value's default comes from: kernel model, a strategy, or the scenario
 * @param description one line
 */
public record ScenarioParameter(String key, String value, String defaultValue, String unit, String source,
    String description) {}
