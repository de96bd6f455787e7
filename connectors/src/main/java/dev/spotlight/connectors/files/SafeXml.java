package dev.spotlight.connectors.files;

import javax.xml.stream.XMLInputFactory;

/** StAX readers for untrusted XML exports: no DTDs, no external entities, namespaces on, text coalesced. */
public final class SafeXml {

  private SafeXml() {}

  public static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }
}
