package dev.spotlight.common.error;

/** The exit codes of SPEC §4, one per kind of failure. */
public enum ExitKind {
  OK(0),
  INTERNAL(1),
  USAGE(2),
  DEFINITION(3),
  DATA(4),
  QUALITY_GATE(5),
  UNREACHABLE(6);

  private final int code;

  ExitKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
