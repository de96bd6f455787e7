package dev.spotlight.connectors.open311;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams a GeoReport v2 XML response (service requests or a services list) with the JDK's StAX,
 * DTDs and external entities disabled, into a newline-delimited JSON file that DuckDB reads. Only
 * the wanted leaf elements of each record are written, as text ({@code xsi:nil} and empty elements
 * as null), with the record number {@code __rec} and the line of its start tag {@code __line}.
 * Free-text elements (description, address, media_url…) are never written.
 */
final class Open311Xml {

  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /** What a response holds: its root and record element names and the fields read from each record. */
  record Kind(String root, String record, List<String> fields, String what) {}

  static final Kind REQUESTS = new Kind("service_requests", "request", Open311Connector.REQUEST_FIELDS, "service requests response");
  static final Kind SERVICES = new Kind("services", "service", Open311Connector.SERVICE_FIELDS, "services list");

  private Open311Xml() {}

  /** Converts {@code xml} to NDJSON at {@code out}; returns the number of records. Malformed XML is bad input naming the file. */
  static long toNdjson(Path xml, Kind kind, Path out) {
    XMLInputFactory factory = SafeXml.factory();
    XMLStreamReader r = null;
    try (InputStream in = Files.newInputStream(xml); BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      r = factory.createXMLStreamReader(in);
      return copy(r, xml, kind, w);
    } catch (XMLStreamException e) {
      javax.xml.stream.Location at = e.getLocation();
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      // the JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; keep the message only
      int m = message.indexOf("Message: ");
      String what = m >= 0 ? message.substring(m + 9) : message;
      throw new SpotlightException(ExitKind.DATA,
          new Location(xml.toString(), at == null ? 0 : Math.max(at.getLineNumber(), 0), at == null ? 0 : Math.max(at.getColumnNumber(), 0)),
          "malformed or truncated XML: " + what.strip(), "save the whole response again; nothing from this source was loaded");
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

  private static long copy(XMLStreamReader r, Path xml, Kind kind, BufferedWriter w) throws XMLStreamException, IOException {
    int depth = 0;
    long records = 0;
    boolean errorResponse = false;
    StringBuilder errors = new StringBuilder();
    Map<String, String> values = new HashMap<>();
    int recordLine = 0;
    boolean inRecord = false;
    String field = null;
    boolean nil = false;
    boolean nested = false;
    StringBuilder text = new StringBuilder();
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          String name = r.getLocalName();
          if (depth == 1) {
            if (name.equals("errors")) {
              errorResponse = true;
            } else if (!name.equals(kind.root())) {
              throw notThisKind(xml, kind, name);
            }
          } else if (depth == 2 && name.equals(kind.record()) && !errorResponse) {
            inRecord = true;
            recordLine = r.getLocation().getLineNumber();
            values.clear();
          } else if (depth == 3 && inRecord) {
            field = name;
            nil = isNil(r.getAttributeValue(XSI, "nil"));
            nested = false;
            text.setLength(0);
          } else if (depth > 3 && inRecord) {
            nested = true;
          } else if (errorResponse && (name.equals("code") || name.equals("description"))) {
            String t = r.getElementText().strip();
            depth--;
            if (!t.isEmpty()) {
              errors.append(errors.length() > 0 ? " " : "").append(t);
            }
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (depth == 3 && field != null) {
            text.append(r.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth == 3 && field != null) {
            if (!nested && kind.fields().contains(field) && !values.containsKey(field)) {
              values.put(field, nil ? null : text.toString());
            }
            field = null;
          } else if (depth == 2 && inRecord) {
            inRecord = false;
            records++;
            write(w, records, recordLine, kind, values);
          }
          depth--;
        }
        default -> {
          // comments, processing instructions, whitespace between elements
        }
      }
    }
    if (errorResponse) {
      throw new SpotlightException(ExitKind.DATA, Location.of(xml), "the file is an Open311 error response"
          + (errors.length() > 0 ? ": " + errors : ""), "save a successful response instead");
    }
    return records;
  }

  private static boolean isNil(String value) {
    return value != null && (value.strip().equals("true") || value.strip().equals("1"));
  }

  private static SpotlightException notThisKind(Path xml, Kind kind, String root) {
    String hint = null;
    if (kind == REQUESTS && root.equals(SERVICES.root())) {
      hint = "this is a services list: name it in services:, and list request responses in files:";
    } else if (kind == SERVICES && root.equals(REQUESTS.root())) {
      hint = "this is a service requests response: list it in files:, and give a services list in services:";
    }
    return new SpotlightException(ExitKind.DATA, Location.of(xml),
        "not an Open311 " + kind.what() + ": the root element is <" + root + ">, expected <" + kind.root() + ">", hint);
  }

  private static void write(BufferedWriter w, long record, int line, Kind kind, Map<String, String> values) throws IOException {
    StringBuilder b = new StringBuilder(256);
    b.append("{\"__rec\":").append(record).append(",\"__line\":").append(line);
    for (String f : kind.fields()) {
      String v = values.get(f);
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

}
