package dev.spotlight.connectors.iati;

import dev.spotlight.connectors.files.SafeXml;
import dev.spotlight.connectors.files.JsonText;
import dev.spotlight.common.error.ExitKind;
import dev.spotlight.common.error.Location;
import dev.spotlight.common.error.SpotlightException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams an IATI activity file (2.0x, or 1.0x) with the JDK's StAX, DTDs and external entities
 * disabled, into a newline-delimited JSON file that DuckDB reads: one line per {@code <transaction>}
 * of any type, as text, with the activity fields it needs repeated on it. Nothing is judged here:
 * values and dates are written as found and DuckDB decides what is readable. Titles, descriptions,
 * results and budgets are never written.
 */
final class IatiXml {

  /** The NDJSON fields, in order. */
  static final List<String> FIELDS = List.of("act_rec", "act_line", "activity_id", "default_currency", "reporting_ref", "reporting_name",
      "planned_start", "planned_end", "tx_pos", "tx_ref", "type_raw", "type_code", "date_raw", "value_date", "value_raw", "value_currency",
      "provider_ref", "provider_name", "receiver_ref", "receiver_name");

  /** IATI 1.0x transaction-type text codes and the 2.0x numeric codes they became. */
  static final Map<String, String> LEGACY_TYPES = Map.ofEntries(Map.entry("IF", "1"), Map.entry("C", "2"), Map.entry("D", "3"),
      Map.entry("E", "4"), Map.entry("IR", "5"), Map.entry("LR", "6"), Map.entry("R", "7"), Map.entry("QP", "8"), Map.entry("QS", "9"),
      Map.entry("CG", "10"), Map.entry("INCOMING FUNDS", "1"), Map.entry("COMMITMENT", "2"), Map.entry("DISBURSEMENT", "3"),
      Map.entry("EXPENDITURE", "4"));

  private IatiXml() {}

  /** What a file held: activities and transactions (of every type). */
  record Counts(long activities, long transactions) {}

  /** The numeric transaction-type code of {@code raw} (a 2.0x number or a 1.0x text code), or null when it is neither. */
  static String typeCode(String raw) {
    if (raw == null) {
      return null;
    }
    String t = raw.strip().toUpperCase(Locale.ROOT);
    if (t.matches("\\d{1,2}")) {
      return String.valueOf(Integer.parseInt(t));
    }
    return LEGACY_TYPES.get(t);
  }

  /** Converts {@code xml} to NDJSON at {@code out}. Malformed or truncated XML is bad input naming the file and line. */
  static Counts toNdjson(Path xml, Path out) {
    XMLInputFactory factory = SafeXml.factory();
    XMLStreamReader r = null;
    try (InputStream in = Files.newInputStream(xml); BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      r = factory.createXMLStreamReader(in);
      return copy(r, xml, w);
    } catch (XMLStreamException e) {
      javax.xml.stream.Location at = e.getLocation();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      // the JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; keep the message only
      int m = message.indexOf("Message: ");
      String what = m >= 0 ? message.substring(m + 9) : message;
      throw new SpotlightException(ExitKind.DATA,
          new Location(xml.toString(), at == null ? 0 : Math.max(at.getLineNumber(), 0), at == null ? 0 : Math.max(at.getColumnNumber(), 0)),
          "malformed or truncated XML: " + what.strip(), "save or download the whole file again; nothing from this source was loaded");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + xml + ": " + e.getMessage(), e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader that already failed
        }
      }
    }
  }

  /** An organisation element: its ref and its first narrative (2.0x) or its own text (1.0x). */
  private static final class Org {
    String ref;
    String name;
  }

  private static final class Tx {
    int line;
    final Map<String, String> v = new HashMap<>();
  }

  private static Counts copy(XMLStreamReader r, Path xml, BufferedWriter w) throws XMLStreamException, IOException {
    int depth = 0;
    int activityDepth = -1;
    long activities = 0;
    long transactions = 0;
    Map<String, String> act = new HashMap<>();
    List<Tx> txs = new ArrayList<>();
    Tx tx = null;
    int actLine = 0;
    // the element whose text is being collected, and where it goes
    Map<String, String> target = null;
    String targetKey = null;
    int targetDepth = -1;
    StringBuilder text = new StringBuilder();
    // the organisation element open (reporting-org, provider-org, receiver-org) and its text
    String orgPrefix = null;
    Map<String, String> orgTarget = null;
    int orgDepth = -1;
    StringBuilder orgText = new StringBuilder();
    boolean orgNarrative = false;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String name = r.getLocalName();
        if (depth == 1) {
          if (name.equals("iati-activity")) {
            activityDepth = 1;
          } else if (!name.equals("iati-activities")) {
            throw new SpotlightException(ExitKind.DATA, Location.of(xml), "not an IATI activity file: the root element is <" + name
                + ">, expected <iati-activities>", name.equals("iati-organisations") ? "this is an IATI organisation file; list activity files in files:" : null);
          }
        }
        if (depth == 1 && activityDepth == 1 || depth == 2 && name.equals("iati-activity")) {
          activityDepth = depth;
          activities++;
          actLine = r.getLocation().getLineNumber();
          act.clear();
          txs.clear();
          act.put("act_rec", String.valueOf(activities));
          act.put("default_currency", attr(r, "default-currency"));
          continue;
        }
        if (activityDepth < 0) {
          continue;
        }
        int rel = depth - activityDepth;
        if (rel == 1) {
          switch (name) {
            case "iati-identifier" -> {
              target = act;
              targetKey = "activity_id";
              targetDepth = depth;
              text.setLength(0);
            }
            case "reporting-org" -> {
              act.put("reporting_ref", attr(r, "ref"));
              orgPrefix = "reporting";
              orgTarget = act;
              orgDepth = depth;
              orgText.setLength(0);
              orgNarrative = false;
            }
            case "activity-date" -> {
              String type = attr(r, "type");
              String date = attr(r, "iso-date");
              if (type != null) {
                String t = type.strip();
                String key = t.equals("1") || t.equals("start-planned") ? "planned_start" : t.equals("3") || t.equals("end-planned") ? "planned_end" : null;
                if (key != null && !act.containsKey(key)) {
                  if (date != null) {
                    act.put(key, date);
                  } else {
                    // 1.0x may give the date as text only
                    target = act;
                    targetKey = key;
                    targetDepth = depth;
                    text.setLength(0);
                  }
                }
              }
            }
            case "transaction" -> {
              tx = new Tx();
              tx.line = r.getLocation().getLineNumber();
              tx.v.put("tx_ref", attr(r, "ref"));
              txs.add(tx);
            }
            default -> {
              // not read
            }
          }
        } else if (rel == 2 && tx != null) {
          switch (name) {
            case "transaction-type" -> {
              String code = attr(r, "code");
              if (code != null) {
                tx.v.put("type_raw", code);
              } else {
                // a 1.0x file may give the type as text only
                target = tx.v;
                targetKey = "type_raw";
                targetDepth = depth;
                text.setLength(0);
              }
            }
            case "transaction-date" -> {
              String date = attr(r, "iso-date");
              if (date != null) {
                tx.v.put("date_raw", date);
              } else {
                target = tx.v;
                targetKey = "date_raw";
                targetDepth = depth;
                text.setLength(0);
              }
            }
            case "value" -> {
              tx.v.put("value_currency", attr(r, "currency"));
              tx.v.put("value_date", attr(r, "value-date"));
              target = tx.v;
              targetKey = "value_raw";
              targetDepth = depth;
              text.setLength(0);
            }
            case "provider-org", "receiver-org" -> {
              orgPrefix = name.startsWith("provider") ? "provider" : "receiver";
              tx.v.put(orgPrefix + "_ref", attr(r, "ref"));
              orgTarget = tx.v;
              orgDepth = depth;
              orgText.setLength(0);
              orgNarrative = false;
            }
            default -> {
              // not read
            }
          }
        } else if (orgTarget != null && depth == orgDepth + 1 && name.equals("narrative") && !orgNarrative) {
          orgNarrative = true;
          target = orgTarget;
          targetKey = orgPrefix + "_name";
          targetDepth = depth;
          text.setLength(0);
        }
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
        if (target != null && depth == targetDepth) {
          text.append(r.getText());
        } else if (orgTarget != null && depth == orgDepth) {
          orgText.append(r.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (target != null && depth == targetDepth) {
          String t = text.toString().strip();
          if (!t.isEmpty() && target.get(targetKey) == null) {
            target.put(targetKey, t);
          }
          target = null;
        } else if (orgTarget != null && depth == orgDepth) {
          String t = orgText.toString().strip();
          if (!orgNarrative && !t.isEmpty()) {
            orgTarget.put(orgPrefix + "_name", t);
          }
          orgTarget = null;
        } else if (tx != null && depth == activityDepth + 1 && r.getLocalName().equals("transaction")) {
          tx = null;
        } else if (depth == activityDepth) {
          transactions += writeActivity(w, act, actLine, txs);
          activityDepth = activityDepth == 1 ? -2 : -1;
        }
        depth--;
      }
    }
    return new Counts(activities, transactions);
  }

  private static String attr(XMLStreamReader r, String name) {
    String v = r.getAttributeValue(null, name);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  private static int writeActivity(BufferedWriter w, Map<String, String> act, int actLine, List<Tx> txs) throws IOException {
    int pos = 0;
    for (Tx t : txs) {
      pos++;
      Map<String, String> row = new LinkedHashMap<>(act);
      row.putAll(t.v);
      row.put("act_line", String.valueOf(actLine));
      row.put("tx_pos", String.valueOf(pos));
      row.put("type_code", typeCode(t.v.get("type_raw")));
      StringBuilder b = new StringBuilder(512);
      b.append("{\"__line\":").append(t.line);
      for (String f : FIELDS) {
        String v = row.get(f);
        b.append(",\"").append(f).append("\":");
        if (v == null) {
          b.append("null");
        } else {
          JsonText.quote(b, v);
        }
      }
      b.append('}');
      w.write(b.toString());
      w.newLine();
    }
    return txs.size();
  }

}
