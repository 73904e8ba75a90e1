package cn.taihang.release.build;

import cn.taihang.release.AttributeSchema;
import cn.taihang.release.PidSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the MetaType resources bnd writes into a bundle ({@code OSGI-INF/metatype/*.xml}, OSGi MetaType 105.8): each
 * {@code Designate} with its {@code OCD} becomes a {@link PidSchema}. Names and descriptions are not kept (they are
 * localised on the gateway); types, cardinalities, ranges, options and defaults are. The release build reads them from the
 * jars; a gateway reads them from its running bundles to check a pushed configuration (the MetaType service's API does not
 * show ranges). Not thread-safe: one instance per thread.
 */
public final class MetaTypeXml {

    private final DocumentBuilder parser;

    /** A reader of MetaType resources (a hardened XML parser: no DOCTYPE, secure processing). */
    public MetaTypeXml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            parser = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML parser in this JVM", e);
        }
    }

    /**
     * @param in one MetaType resource
     * @param where the jar and entry, for messages
     * @return the PIDs it designates
     * @throws IOException if it is not MetaType XML
     */
    public List<PidSchema> read(InputStream in, String where) throws IOException {
        Document document;
        try {
            document = parser.parse(in);
        } catch (SAXException e) {
            throw new IOException(where + " is not valid MetaType XML: " + e.getMessage(), e);
        }
        Map<String, Element> ocds = new HashMap<>();
        for (Element ocd : children(document.getDocumentElement(), "OCD")) {
            ocds.put(ocd.getAttribute("id"), ocd);
        }
        List<PidSchema> pids = new ArrayList<>();
        for (Element designate : children(document.getDocumentElement(), "Designate")) {
            boolean factory = !designate.getAttribute("factoryPid").isEmpty();
            String pid = factory ? designate.getAttribute("factoryPid") : designate.getAttribute("pid");
            for (Element object : children(designate, "Object")) {
                Element ocd = ocds.get(object.getAttribute("ocdref"));
                if (ocd == null) {
                    throw new IOException(where + ": Designate " + pid + " refers to OCD " + object.getAttribute("ocdref") + ", which it lacks");
                }
                pids.add(new PidSchema(pid, factory, attributes(ocd, where)));
            }
        }
        return pids;
    }

    private static List<AttributeSchema> attributes(Element ocd, String where) throws IOException {
        List<AttributeSchema> attributes = new ArrayList<>();
        for (Element ad : children(ocd, "AD")) {
            List<String> options = new ArrayList<>();
            for (Element option : children(ad, "Option")) {
                options.add(option.getAttribute("value"));
            }
            String cardinality = ad.getAttribute("cardinality");
            try {
                attributes.add(new AttributeSchema(ad.getAttribute("id"), ad.getAttribute("type"), cardinality.isEmpty() ? 0 : Integer.parseInt(cardinality),
                        !"false".equals(ad.getAttribute("required")), blankToNull(ad.getAttribute("min")), blankToNull(ad.getAttribute("max")), options,
                        ad.hasAttribute("default") ? defaults(ad.getAttribute("default")) : List.of()));
            } catch (IllegalArgumentException e) {
                throw new IOException(where + ": " + e.getMessage(), e);
            }
        }
        return attributes;
    }

    /** MetaType 105.8: a default of several values is comma-separated, {@code \} escaping a comma or itself. */
    static List<String> defaults(String text) {
        List<String> values = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == ',') {
                values.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString().strip());
        return values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && localName.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
