package dev.spotlight.cli.sample;

import java.nio.file.Path;

/** One grantee's platform export in the sample: its files in the platform's own shape and the sources that read them. */
interface PlatformExport {

  SampleGrantee grantee();

  /** What the export is, in a few words of Markdown, for the sample's README. */
  String description();

  /** The {@code sources:} entries of spotlight.yaml that read this export, as YAML list items indented two spaces. */
  String sourceEntries();

  /** Writes the export under {@code projectDir}. */
  WrittenExport write(Path projectDir);
}
