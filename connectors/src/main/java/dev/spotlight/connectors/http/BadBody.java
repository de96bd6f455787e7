package dev.spotlight.connectors.http;

/** A response body that is cut short or cannot be parsed; never loaded. */
public final class BadBody extends Exception {

  public BadBody(String message) {
    super(message);
  }
}
