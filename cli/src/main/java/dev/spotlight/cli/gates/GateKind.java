package dev.spotlight.cli.gates;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The quality gates {@code --fail-on} knows, with the limits each accepts. */
public enum GateKind {
  SKIPPED("skipped", Set.of(Limit.Unit.COUNT, Limit.Unit.PERCENT), false, false),
  NEVER_PULLED("never-pulled", Set.of(), false, false),
  STALE("stale", Set.of(Limit.Unit.DURATION), true, false),
  EMPTY("empty", Set.of(), false, true),
  SUPPRESSED("suppressed", Set.of(Limit.Unit.COUNT, Limit.Unit.PERCENT), false, true),
  UNDEFINED("undefined", Set.of(Limit.Unit.COUNT, Limit.Unit.PERCENT), false, true),
  EXCLUDED_CURRENCY("excluded-currency", Set.of(Limit.Unit.COUNT), false, true);

  private final String id;
  private final Set<Limit.Unit> units;
  private final boolean limitRequired;
  private final boolean needsPeriod;

  GateKind(String id, Set<Limit.Unit> units, boolean limitRequired, boolean needsPeriod) {
    this.id = id;
    this.units = units;
    this.limitRequired = limitRequired;
    this.needsPeriod = needsPeriod;
  }

  public String id() {
    return id;
  }

  /** The kinds of limit {@code NAME>LIMIT} may give; empty when the gate takes none. */
  Set<Limit.Unit> units() {
    return units;
  }

  boolean limitRequired() {
    return limitRequired;
  }

  /** Whether the gate judges a period's results, so it applies only to commands that compute. */
  public boolean needsPeriod() {
    return needsPeriod;
  }

  static List<String> ids() {
    return Arrays.stream(values()).map(GateKind::id).toList();
  }

  static Optional<GateKind> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
