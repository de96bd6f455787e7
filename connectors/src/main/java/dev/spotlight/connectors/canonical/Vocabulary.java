package dev.spotlight.connectors.canonical;

import java.util.List;
import java.util.Map;

/** The event vocabulary of SPEC §3: platform kinds and the outcome key each built-in event type evidences. */
public final class Vocabulary {

  public static final List<String> PLATFORM_KINDS = List.of(
      "sharing", "repair", "crowdfunding", "civic_reporting", "participation", "emergency_response", "sensing", "funding");

  /** Default outcome per event type; a source's {@code outcomes:} overrides these. */
  public static final Map<String, String> DEFAULT_OUTCOMES = Map.of(
      "share.completed", "item_reuse",
      "booking.completed", "asset_use",
      "repair.fixed", "item_repaired",
      "project.funded", "project_funded",
      "project.delivered", "project_delivered",
      "report.fixed", "street_defect_fixed",
      "idea.adopted", "idea_adopted",
      "responder.arrived", "first_response");

  private Vocabulary() {}
}
