package cn.taihang.testkit.metatype;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One object class definition as bnd wrote it from the annotations into {@code OSGI-INF/metatype/<pid>.xml} of the
 * module's classes (on the test classpath once the module is compiled).
 *
 * @param localization the resource base of its texts, e.g. {@code OSGI-INF/l10n/bundle}, or {@code null}
 * @param id the OCD id (the PID)
 * @param name its name, {@code %key} when localised
 * @param description its description, or {@code null}
 * @param attributes its attributes, in order
 */
public record MetaTypeDocument(String localization, String id, String name, String description, List<Attribute> attributes) {

    /**
     * One attribute definition.
     *
     * @param id the property name
     * @param type the MetaType type name: String, Integer, Long, Double, Boolean, Password, …
     * @param cardinality 0 for a scalar, otherwise the most values (negative: a Vector)
     * @param name its name
     * @param description its description, or {@code null}
     * @param min its minimum as written, or {@code null}
     * @param max its maximum as written, or {@code null}
     * @param optionValues the values of its options (empty: any value)
     * @param optionLabels the labels of its options, in the same order
     */
    public record Attribute(String id, String type, int cardinality, String name, String description, String min, String max,
                            List<String> optionValues, List<String> optionLabels) {

        /** @return whether it holds numbers */
        public boolean numeric() {
            return List.of("Integer", "Long", "Double", "Float", "Short", "Byte").contains(type);
        }
    }

    /**
     * @param pid the OCD id
     * @return its definition, read from the classpath
     * @throws AssertionError if bnd wrote none (the module not built, or no {@code @ObjectClassDefinition} with that id)
     */
    public static MetaTypeDocument of(String pid) {
        String resource = "OSGI-INF/metatype/" + pid + ".xml";
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            throw new AssertionError("no " + resource + " on the classpath: bnd writes it from the @ObjectClassDefinition with id " + pid
                    + " into target/classes when the module is built");
        }
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(in).getDocumentElement();
            Element ocd = child(root, "OCD", pid);
            List<Attribute> attributes = new ArrayList<>();
            NodeList ads = ocd.getElementsByTagName("AD");
            for (int i = 0; i < ads.getLength(); i++) {
                attributes.add(attribute((Element) ads.item(i)));
            }
            return new MetaTypeDocument(attr(root, "localization"), pid, attr(ocd, "name"), attr(ocd, "description"), List.copyOf(attributes));
        } catch (IOException | ParserConfigurationException | SAXException e) {
            throw new AssertionError("cannot read " + url + ": " + e.getMessage(), e);
        }
    }

    /** @return the attribute of that id @throws AssertionError if there is none */
    public Attribute attribute(String attributeId) {
        return attributes.stream().filter(a -> a.id().equals(attributeId)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " has no attribute " + attributeId));
    }

    private static Element child(Element root, String tag, String pid) {
        NodeList nodes = root.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (Objects.equals(e.getAttribute("id"), pid)) {
                return e;
            }
        }
        throw new AssertionError("OSGI-INF/metatype/" + pid + ".xml holds no OCD " + pid);
    }

    private static Attribute attribute(Element ad) {
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        NodeList options = ad.getElementsByTagName("Option");
        for (int i = 0; i < options.getLength(); i++) {
            Element option = (Element) options.item(i);
            values.add(option.getAttribute("value"));
            labels.add(option.getAttribute("label"));
        }
        String cardinality = attr(ad, "cardinality");
        return new Attribute(ad.getAttribute("id"), ad.getAttribute("type"), cardinality == null ? 0 : Integer.parseInt(cardinality), attr(ad, "name"),
                attr(ad, "description"), attr(ad, "min"), attr(ad, "max"), List.copyOf(values), List.copyOf(labels));
    }

    private static String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
