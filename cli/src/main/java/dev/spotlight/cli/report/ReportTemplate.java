package dev.spotlight.cli.report;

import java.util.List;

/** A report template: a title and the sections a report shows, in order. */
public record ReportTemplate(String name, String title, String source, List<Section> sections) {

  /**
   * One section.
   *
   * @param by the dimension the section splits by
   * @param months for calendar sections, how many months ending with the report period to show (0 = the period only)
   * @param chart line, bar or none
   * @param show which metrics: one or more words of {@link MetricKinds#WORDS}; a metric of any of them is shown
   * @param chartShow which of those the chart draws (same words; default: as {@code show})
   */
  public record Section(String id, String title, String by, int months, String chart, List<String> show, List<String> chartShow) {

    public Section {
      show = List.copyOf(show);
      chartShow = List.copyOf(chartShow);
    }
  }
}
