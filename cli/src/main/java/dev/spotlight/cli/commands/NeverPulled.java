package dev.spotlight.cli.commands;

import dev.spotlight.cli.pipeline.ProjectContext;
import dev.spotlight.cli.pipeline.PullRecords;
import dev.spotlight.connectors.SourceSpec;

/** Warns about sources that were never pulled, so an empty store is not mistaken for zero activity. */
final class NeverPulled {

  private NeverPulled() {}

  static void warn(ProjectContext context) {
    PullRecords records = new PullRecords(context.project().storeLayout());
    for (SourceSpec s : context.project().sources()) {
      if (records.read(s.name()).isEmpty()) {
        context.app().warn("source '" + s.name() + "' has no pull record in the store (never pulled, or by another version); run spotlight pull");
      }
    }
  }
}
