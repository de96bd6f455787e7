package dev.spotlight.common.error;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that `validate` can report every one, then fails with all of them. */
public final class Problems {

  private final ExitKind kind;
  private final List<Problem> list = new ArrayList<>();

  public Problems(ExitKind kind) {
    this.kind = kind;
  }

  public void add(Location at, String message, String hint) {
    list.add(new Problem(at, message, hint));
  }

  public void add(Location at, String message) {
    add(at, message, null);
  }

  public void addAll(SpotlightException e) {
    list.addAll(e.problems());
  }

  /** Runs {@code step}, recording its failure instead of propagating it. */
  public void collect(Runnable step) {
    try {
      step.run();
    } catch (SpotlightException e) {
      addAll(e);
    }
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    return List.copyOf(list);
  }

  public void throwIfAny() {
    if (!list.isEmpty()) {
      throw new SpotlightException(kind, list);
    }
  }
}
