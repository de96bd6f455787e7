package dev.spotlight.cli.commands;

import dev.spotlight.cli.AppContext;
import dev.spotlight.connectors.Connector;
import dev.spotlight.connectors.ConnectorOption;
import dev.spotlight.connectors.Connectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code spotlight sources list}: the installed connectors and their options. */
@Command(name = "sources", description = "Connectors and their options.", subcommands = SourcesCommand.ListSources.class,
    footer = {"", "Example:", "  spotlight sources list"})
public final class SourcesCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code sources list}. */
  @Command(name = "list", description = "List connectors with their options.",
      footer = {"", "Example:", "  spotlight sources list"})
  static final class ListSources implements Callable<Integer> {
    private final AppContext app;

    ListSources(AppContext app) {
      this.app = app;
    }

    @Override
    public Integer call() {
      for (Connector c : Connectors.installed().all()) {
        app.out().println(c.id() + " — " + c.description());
        for (ConnectorOption o : c.options()) {
          app.out().printf("    %-14s %s%s%n", o.name(), o.required() ? "(required) " : "", o.description());
        }
      }
      app.out().flush();
      return 0;
    }
  }
}
