package cn.taihang.console.internal;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * A configuration form generated from a MetaType object class (in the crew's language, as MetaType localised it): one
 * field per attribute with its type, default and options; and the parsing of a submitted form into typed properties,
 * refusing invalid input with the reason. Whatever the standard MetaType API does not show (ranges) is checked by the
 * attribute's own {@link AttributeDefinition#validate(String)}. Secrets (type PASSWORD, or a property id starting with
 * '.') are never shown; an empty secret field keeps the current value.
 */
final class ConfigForm {

    /**
     * A field of the form.
     *
     * @param id property id
     * @param name label
     * @param description help text
     * @param input how to edit it: {@code number}, {@code text}, {@code select}, {@code list}, {@code secret}
     * @param type MetaType type name, e.g. {@code Integer}
     * @param multiple whether it takes several values
     * @param required whether it needs a value
     * @param value the current value as edited (never a secret's)
     * @param defaultValue the default as text, or empty
     * @param options allowed values with labels, or empty
     * @param hasValue whether a value is set (for secrets: whether one is stored)
     */
    record Field(String id, String name, String description, String input, String type, boolean multiple, boolean required,
                 String value, String defaultValue, List<Map<String, String>> options, boolean hasValue) {

        /** @return the field as a template model */
        Map<String, Object> toModel() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("name", name);
            m.put("description", description);
            m.put("input", input);
            m.put("type", type);
            m.put("multiple", multiple);
            m.put("required", required);
            m.put("value", value);
            m.put("defaultValue", defaultValue);
            m.put("options", options);
            m.put("hasValue", hasValue);
            return m;
        }
    }

    /**
     * A submission parsed.
     *
     * @param properties the new properties (unchanged ones kept, cleared ones removed)
     * @param errors the reason per refused field id
     * @param changes per changed property id, "old → new" (secrets as "(changed)")
     */
    record Parsed(Map<String, Object> properties, Map<String, Problem> errors, Map<String, String> changes) {}

    /**
     * Why a value is refused: a text key ({@code config.error.*}) and its arguments.
     *
     * @param key the text key
     * @param args what fills its {0}, {1}…
     */
    record Problem(String key, List<Object> args) {
        Problem(String key, Object... args) {
            this(key, List.of(args));
        }
    }

    /** A value refused, with its reason. */
    static final class Refused extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final transient Problem problem;

        Refused(String key, Object... args) {
            super(key);
            this.problem = new Problem(key, args);
        }
    }

    private final ObjectClassDefinition ocd;

    /** @param ocd the object class, localised for the crew */
    ConfigForm(ObjectClassDefinition ocd) {
        this.ocd = ocd;
    }

    String name() {
        return ocd.getName();
    }

    String description() {
        return ocd.getDescription() == null ? "" : ocd.getDescription();
    }

    /** @return the fields with the values of the current properties ({@code null}: not configured) */
    List<Field> fields(Map<String, Object> current) {
        Set<String> required = ids(ObjectClassDefinition.REQUIRED);
        List<Field> fields = new ArrayList<>();
        for (AttributeDefinition ad : ads()) {
            Object value = current == null ? null : current.get(ad.getID());
            fields.add(field(ad, required.contains(ad.getID()), value == null ? "" : format(value), value != null));
        }
        return fields;
    }

    /** @return the fields showing what was submitted, after a refusal */
    List<Field> fields(Map<String, Object> current, Function<String, String> submitted) {
        Set<String> required = ids(ObjectClassDefinition.REQUIRED);
        List<Field> fields = new ArrayList<>();
        for (AttributeDefinition ad : ads()) {
            boolean secret = isSecret(ad);
            String shown = secret ? "" : String.valueOf(submitted.apply(ad.getID()) == null ? "" : submitted.apply(ad.getID()));
            fields.add(field(ad, required.contains(ad.getID()), shown, current != null && current.get(ad.getID()) != null));
        }
        return fields;
    }

    private Field field(AttributeDefinition ad, boolean required, String value, boolean hasValue) {
        boolean secret = isSecret(ad);
        boolean multiple = ad.getCardinality() != 0;
        String[] optionValues = ad.getOptionValues();
        List<Map<String, String>> options = new ArrayList<>();
        if (optionValues != null && optionValues.length > 0 && !multiple) {
            String[] labels = ad.getOptionLabels();
            for (int i = 0; i < optionValues.length; i++) {
                options.add(Map.of("value", optionValues[i], "label", labels != null && i < labels.length ? labels[i] : optionValues[i]));
            }
        } else if (ad.getType() == AttributeDefinition.BOOLEAN && !multiple) {
            options.add(Map.of("value", "true", "label", "true"));
            options.add(Map.of("value", "false", "label", "false"));
        }
        String input = secret ? "secret" : !options.isEmpty() ? "select" : multiple ? "list" : numeric(ad.getType()) ? "number" : "text";
        String[] defaults = ad.getDefaultValue();
        return new Field(ad.getID(), ad.getName() == null ? ad.getID() : ad.getName(), ad.getDescription() == null ? "" : ad.getDescription(),
                input, typeName(ad.getType()), multiple, required, secret ? "" : value,
                secret || defaults == null ? "" : String.join(", ", defaults), options, hasValue);
    }

    /**
     * Parses a submission.
     *
     * @param current the current properties, or {@code null}
     * @param submitted the submitted text per property id ({@code null}: field absent)
     */
    Parsed parse(Map<String, Object> current, Function<String, String> submitted) {
        Set<String> required = ids(ObjectClassDefinition.REQUIRED);
        Map<String, Object> properties = new LinkedHashMap<>();
        if (current != null) {
            current.forEach((k, v) -> {
                if (!k.equals("service.pid") && !k.equals("service.factoryPid") && !k.equals("service.bundleLocation")) {
                    properties.put(k, v);
                }
            });
        }
        Map<String, Problem> errors = new LinkedHashMap<>();
        Map<String, String> changes = new LinkedHashMap<>();
        for (AttributeDefinition ad : ads()) {
            String id = ad.getID();
            String text = submitted.apply(id);
            if (text == null) {
                continue;
            }
            text = text.strip();
            Object before = properties.get(id);
            if (isSecret(ad) && text.isEmpty()) {
                continue;
            }
            if (text.isEmpty()) {
                boolean hasDefault = ad.getDefaultValue() != null && ad.getDefaultValue().length > 0;
                if (required.contains(id) && !hasDefault && ad.getCardinality() == 0) {
                    errors.put(id, new Problem("config.error.required"));
                } else if (before != null) {
                    properties.remove(id);
                    changes.put(id, format(before) + " → (default " + (hasDefault ? String.join(", ", ad.getDefaultValue()) : "none") + ")");
                }
                continue;
            }
            try {
                Object value = convert(ad, text);
                if (before == null || !format(before).equals(format(value))) {
                    properties.put(id, value);
                    changes.put(id, isSecret(ad) ? "(changed)" : (before == null ? "(default)" : format(before)) + " → " + format(value));
                }
            } catch (Refused e) {
                errors.put(id, e.problem);
            }
        }
        return new Parsed(properties, errors, changes);
    }

    /** @throws Refused with the reason if the text is not a valid value */
    private Object convert(AttributeDefinition ad, String text) {
        List<String> elements = ad.getCardinality() == 0 ? List.of(text)
                : Arrays.stream(text.split(ad.getType() == AttributeDefinition.STRING || ad.getType() == AttributeDefinition.PASSWORD
                        ? "\\r?\\n" : "[,;\\s]+")).map(String::strip).filter(e -> !e.isEmpty()).toList();
        int most = Math.abs(ad.getCardinality());
        if (ad.getCardinality() != 0 && most != Integer.MAX_VALUE && elements.size() > most) {
            throw new Refused("config.error.tooMany", most);
        }
        List<Object> values = new ArrayList<>();
        for (String element : elements) {
            Object value = parse(ad.getType(), element);
            String[] options = ad.getOptionValues();
            if (options != null && options.length > 0 && !Arrays.asList(options).contains(element)) {
                throw new Refused("config.error.notOption", element, String.join(", ", options));
            }
            String problem = ad.validate(element);
            if (problem != null && !problem.isEmpty()) {
                throw new Refused("config.error.other", element, problem);
            }
            values.add(value);
        }
        if (ad.getCardinality() == 0) {
            return values.get(0);
        }
        if (ad.getCardinality() < 0) {
            return new ArrayList<>(values);
        }
        Object array = Array.newInstance(boxed(ad.getType()), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static Object parse(int type, String text) {
        try {
            return switch (type) {
                case AttributeDefinition.INTEGER -> Integer.valueOf(text);
                case AttributeDefinition.LONG -> Long.valueOf(text);
                case AttributeDefinition.SHORT -> Short.valueOf(text);
                case AttributeDefinition.BYTE -> Byte.valueOf(text);
                case AttributeDefinition.DOUBLE -> finite(Double.valueOf(text));
                case AttributeDefinition.FLOAT -> finite(Float.valueOf(text));
                case AttributeDefinition.BOOLEAN -> {
                    if (!text.equals("true") && !text.equals("false")) {
                        throw new Refused("config.error.notBoolean", text);
                    }
                    yield Boolean.valueOf(text);
                }
                case AttributeDefinition.CHARACTER -> {
                    if (text.length() != 1) {
                        throw new Refused("config.error.notCharacter", text);
                    }
                    yield text.charAt(0);
                }
                default -> text;
            };
        } catch (NumberFormatException e) {
            boolean decimal = type == AttributeDefinition.DOUBLE || type == AttributeDefinition.FLOAT;
            throw new Refused(decimal ? "config.error.notNumber" : "config.error.notWhole", text, typeName(type));
        }
    }

    private static <N extends Number> N finite(N n) {
        if (!Double.isFinite(n.doubleValue())) {
            throw new NumberFormatException();
        }
        return n;
    }

    private static Class<?> boxed(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    /** @return a property value as text: arrays and lists comma-separated (strings one per line) */
    static String format(Object value) {
        if (value == null) {
            return "";
        }
        List<Object> elements = null;
        if (value.getClass().isArray()) {
            elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
        } else if (value instanceof Collection<?> c) {
            elements = new ArrayList<>(c);
        }
        if (elements == null) {
            return String.valueOf(value);
        }
        boolean strings = elements.stream().allMatch(e -> e instanceof String);
        return elements.stream().map(String::valueOf).collect(Collectors.joining(strings ? "\n" : ", "));
    }

    /** @return whether a property is a secret that is never shown */
    static boolean isSecret(AttributeDefinition ad) {
        return ad.getType() == AttributeDefinition.PASSWORD || ad.getID().startsWith(".");
    }

    /** @return a dictionary's entries as a map */
    static Map<String, Object> toMap(Dictionary<String, Object> dictionary) {
        if (dictionary == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (var keys = dictionary.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            map.put(key, dictionary.get(key));
        }
        return map;
    }

    private List<AttributeDefinition> ads() {
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        return all == null ? List.of() : List.of(all);
    }

    private Set<String> ids(int filter) {
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(filter);
        Set<String> ids = new HashSet<>();
        if (ads != null) {
            for (AttributeDefinition ad : ads) {
                ids.add(ad.getID());
            }
        }
        return ids;
    }

    private static boolean numeric(int type) {
        return type == AttributeDefinition.INTEGER || type == AttributeDefinition.LONG || type == AttributeDefinition.SHORT
                || type == AttributeDefinition.BYTE || type == AttributeDefinition.DOUBLE || type == AttributeDefinition.FLOAT;
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> "Integer";
            case AttributeDefinition.LONG -> "Long";
            case AttributeDefinition.SHORT -> "Short";
            case AttributeDefinition.BYTE -> "Byte";
            case AttributeDefinition.DOUBLE -> "Double";
            case AttributeDefinition.FLOAT -> "Float";
            case AttributeDefinition.BOOLEAN -> "Boolean";
            case AttributeDefinition.CHARACTER -> "Character";
            case AttributeDefinition.PASSWORD -> "Password";
            default -> "String";
        };
    }
}
