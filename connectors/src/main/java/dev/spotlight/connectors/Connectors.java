package dev.spotlight.connectors;

import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The connectors on the class path, by id. */
public final class Connectors {

  private final List<Connector> all;

  private Connectors(List<Connector> all) {
    this.all = all;
  }

  public static Connectors installed() {
    List<Connector> list = ServiceLoader.load(Connector.class).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(Connector::id))
        .toList();
    return new Connectors(list);
  }

  public List<Connector> all() {
    return all;
  }

  /** The connector with {@code id}; an unknown id is a definition error at {@code at}. */
  public Connector get(String id, Location at) {
    return all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> SpotlightException.definition(
        at, "unknown connector '" + id + "'", DidYouMean.hint(id, all.stream().map(Connector::id).toList()) + "; spotlight sources list shows every connector"));
  }
}
