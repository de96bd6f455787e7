package dev.spotlight.cli.gates;

import dev.spotlight.common.error.SpotlightException;
import dev.spotlight.common.text.DidYouMean;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --fail-on} values: {@code NAME} or {@code NAME>LIMIT}; anything else is a usage error. */
public final class GateParser {

  private static final Pattern LIMIT = Pattern.compile("(\\d+(?:\\.\\d+)?)(%|d|h)?");

  private GateParser() {}

  /**
   * Parses every gate, checking each applies to {@code command} ({@code pull} has no period, so gates
   * on a period's results do not apply to it).
   */
  public static List<Gate> parseAll(List<String> texts, String command, boolean commandHasPeriod) {
    List<Gate> gates = texts.stream().map(GateParser::parse).toList();
    for (Gate g : gates) {
      if (g.kind().needsPeriod() && !commandHasPeriod) {
        throw SpotlightException.usage("quality gate '" + g.text() + "' does not apply to " + command
            + ": it judges a period's results", "use it with compute, report or run");
      }
    }
    return gates;
  }

  public static Gate parse(String raw) {
    String text = raw.strip();
    int gt = text.indexOf('>');
    String name = (gt < 0 ? text : text.substring(0, gt)).strip();
    GateKind kind = GateKind.byId(name).orElseThrow(() -> SpotlightException.usage(
        "unknown quality gate '" + name + "' in --fail-on " + raw, DidYouMean.hint(name, GateKind.ids())));
    if (gt < 0) {
      if (kind.limitRequired()) {
        throw SpotlightException.usage("quality gate '" + name + "' needs a limit", "e.g. --fail-on '" + name + ">35d'");
      }
      return new Gate(text, kind, null);
    }
    String limitText = text.substring(gt + 1).strip();
    if (kind.units().isEmpty()) {
      throw SpotlightException.usage("quality gate '" + name + "' takes no limit, in --fail-on " + raw, "write --fail-on " + name);
    }
    Matcher m = LIMIT.matcher(limitText);
    if (!m.matches()) {
      throw SpotlightException.usage("cannot read the limit '" + limitText + "' in --fail-on " + raw, example(kind));
    }
    Limit.Unit unit = m.group(2) == null ? Limit.Unit.COUNT : m.group(2).equals("%") ? Limit.Unit.PERCENT : Limit.Unit.DURATION;
    double value = Double.parseDouble(m.group(1));
    if (!kind.units().contains(unit) || (unit == Limit.Unit.DURATION && value != Math.floor(value))
        || (unit == Limit.Unit.COUNT && value != Math.floor(value)) || (unit == Limit.Unit.PERCENT && value > 100)) {
      throw SpotlightException.usage("quality gate '" + name + "' cannot take the limit '" + limitText + "'", example(kind));
    }
    return new Gate(name + ">" + limitText, kind, new Limit(value, unit, limitText));
  }

  private static String example(GateKind kind) {
    String name = kind.id();
    if (kind.units().contains(Limit.Unit.DURATION)) {
      return "give whole days or hours, e.g. " + name + ">35d or " + name + ">12h";
    }
    if (kind.units().contains(Limit.Unit.PERCENT)) {
      return "give a whole count or a percentage up to 100, e.g. " + name + ">10 or " + name + ">2%";
    }
    return "give a whole count, e.g. " + name + ">100";
  }
}
