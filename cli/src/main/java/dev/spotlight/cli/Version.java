package dev.spotlight.cli;

import picocli.CommandLine;

/** The tool version, from the jar manifest (or "dev" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {

  public static String current() {
    String v = Spotlight.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"spotlight " + current(), "Java " + System.getProperty("java.version")};
  }
}
