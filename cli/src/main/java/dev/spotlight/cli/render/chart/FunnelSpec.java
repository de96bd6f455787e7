package dev.spotlight.cli.render.chart;

import dev.spotlight.cli.render.chart.FunnelLimits.Point;
import java.util.List;

/**
 * What a funnel plot of cost per outcome shows.
 *
 * @param title e.g. "Cost per person taking part against the portfolio, 2026-10"
 * @param outcomeLabel the x axis: what the outcomes are, e.g. "People taking part"
 * @param currency the currency code of the cost per outcome (y axis)
 * @param points one per grantee with a shown value and at least one outcome
 * @param leftOut grantees not drawn and why, e.g. "Marsden Tool Library (<5)"; empty when none
 */
public record FunnelSpec(String title, String outcomeLabel, String currency, List<Point> points, List<String> leftOut, String source) {

  public FunnelSpec {
    points = List.copyOf(points);
    leftOut = List.copyOf(leftOut);
  }
}
