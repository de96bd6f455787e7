package dev.spotlight.metrics.sql;

/** The SQL types bound parameters are cast to; each dialect has its own spelling of them. */
public enum SqlType {
  STRING,
  BIGINT,
  INTEGER,
  DOUBLE,
  BOOLEAN,
  DATE
}
