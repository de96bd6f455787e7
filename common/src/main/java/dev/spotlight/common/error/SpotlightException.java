package dev.spotlight.common.error;

import java.util.List;

/** An expected failure: bad input, bad definitions or an unreachable source, with its exit code. */
public class SpotlightException extends RuntimeException {

  private final ExitKind kind;
  private final List<Problem> problems;

  public SpotlightException(ExitKind kind, List<Problem> problems) {
    super(problems.isEmpty() ? kind.name() : problems.get(0).render());
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpotlightException needs at least one problem");
    }
    this.kind = kind;
    this.problems = List.copyOf(problems);
  }

  public SpotlightException(ExitKind kind, Location location, String message, String hint) {
    this(kind, List.of(new Problem(location, message, hint)));
  }

  public SpotlightException(ExitKind kind, Location location, String message) {
    this(kind, location, message, null);
  }

  public static SpotlightException definition(Location at, String message, String hint) {
    return new SpotlightException(ExitKind.DEFINITION, at, message, hint);
  }

  public static SpotlightException data(Location at, String message, String hint) {
    return new SpotlightException(ExitKind.DATA, at, message, hint);
  }

  public static SpotlightException usage(String message, String hint) {
    return new SpotlightException(ExitKind.USAGE, Location.NONE, message, hint);
  }

  public ExitKind kind() {
    return kind;
  }

  public List<Problem> problems() {
    return problems;
  }
}
