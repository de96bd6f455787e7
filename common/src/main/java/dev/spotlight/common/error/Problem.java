package dev.spotlight.common.error;

/** One thing wrong with a user's input: where, what, and an optional hint on how to fix it. */
public record Problem(Location location, String message, String hint) {

  public Problem {
    location = location == null ? Location.NONE : location;
  }

  /** The one line SPEC §4 prescribes, without the {@code spotlight: error: } prefix. */
  public String render() {
    String where = location.render();
    String text = hint == null || hint.isBlank() ? message : message + " (" + hint + ")";
    return where.isEmpty() ? text : where + ": " + text;
  }
}
