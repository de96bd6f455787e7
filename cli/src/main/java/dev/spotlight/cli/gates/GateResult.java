package dev.spotlight.cli.gates;

/** How a gate fared: passed, or failed with what was wrong (one sentence, for stderr and the manifest). */
public record GateResult(String gate, boolean passed, String detail) {

  static GateResult pass(Gate gate) {
    return new GateResult(gate.text(), true, null);
  }

  static GateResult fail(Gate gate, String detail) {
    return new GateResult(gate.text(), false, detail);
  }

  /** The stderr line without its {@code spotlight: error: } prefix. */
  public String message() {
    return "quality gate '" + gate + "' failed: " + detail;
  }
}
