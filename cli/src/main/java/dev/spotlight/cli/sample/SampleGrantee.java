package dev.spotlight.cli.sample;

/** A grantee of the sample portfolio: its id in spotlight.yaml, its name and the kind of platform it runs. */
record SampleGrantee(String id, String name, String platformKind) {}
