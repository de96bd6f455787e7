package dev.spotlight.metrics.expr;

import java.util.Collection;
import java.util.Optional;

/** The names an expression may use in one context (a table plus its dimensions), with their types. */
public interface ColumnScope {

  /** The type of {@code name}, or empty when the name is unknown here. */
  Optional<ValueType> typeOf(String name);

  /** Every name known here, for did-you-mean hints. */
  Collection<String> names();

  /** A short description of the context for messages, e.g. "the activity table". */
  String description();
}
