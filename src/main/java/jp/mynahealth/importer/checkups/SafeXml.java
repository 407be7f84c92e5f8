package jp.mynahealth.importer.checkups;

import java.io.ByteArrayInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's own StAX, set up for documents from outside: no DTD, no external entities. The
 * standard files never carry a DOCTYPE, so a document that has one is refused outright rather than
 * parsed with its entities ignored.
 */
final class SafeXml {

    // newDefaultFactory: the JDK implementation whose settings we know, whatever else is on the classpath.
    // One input factory a thread: documents are parsed on several threads, and the JDK does not
    // promise that one factory may create readers concurrently.
    private static final ThreadLocal<XMLInputFactory> INPUT = ThreadLocal.withInitial(SafeXml::inputFactory);
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private static XMLInputFactory inputFactory() {
        XMLInputFactory input = XMLInputFactory.newDefaultFactory();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        input.setProperty(XMLInputFactory.IS_COALESCING, true);
        input.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return input;
    }

    /** Raised on a DOCTYPE: the caller reports it as such, not as a generic parse error. */
    static final class DoctypeException extends XMLStreamException {
        DoctypeException() {
            super("DOCTYPE");
        }
    }

    private SafeXml() {
    }

    static XMLStreamReader open(byte[] xml) throws XMLStreamException {
        return INPUT.get().createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    /** The next event, refusing a DTD before anything declared in it can be used. */
    static int next(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.next();
        if (event == XMLStreamReader.DTD || event == XMLStreamReader.ENTITY_REFERENCE
                || event == XMLStreamReader.ENTITY_DECLARATION) {
            throw new DoctypeException();
        }
        return event;
    }

    static XMLOutputFactory output() {
        return OUTPUT;
    }
}
