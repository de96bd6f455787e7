package dev.spotlight.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Keeps library logging (POI, later Spark) off stderr unless {@code -v} asks for it. */
final class Logging {

  private Logging() {}

  static void configure(boolean verbose) {
    Configurator.setRootLevel(verbose ? Level.INFO : Level.OFF);
  }
}
