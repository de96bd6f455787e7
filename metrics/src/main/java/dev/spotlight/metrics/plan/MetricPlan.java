package dev.spotlight.metrics.plan;

import dev.spotlight.metrics.model.MetricDefinition;
import java.util.ArrayList;
import java.util.List;

/** How to compute one requested metric: its value tree and the count atoms its suppression depends on. */
public record MetricPlan(MetricDefinition metric, ValueTree value) {

  /** Every count or count_distinct atom the value is built from (SPEC §5: these decide suppression). */
  public List<Atom> countAtoms() {
    List<Atom> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(ValueTree t, List<Atom> out) {
    if (t instanceof ValueTree.Of o) {
      if (o.atom().function().isCount()) {
        out.add(o.atom());
      }
    } else {
      t.children().forEach(c -> collect(c, out));
    }
  }
}
