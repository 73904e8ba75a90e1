package cn.taihang.launcher;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gateway's configuration file, in the JSON resource format of the OSGi Configurator
 * specification (OSGi Compendium R7 §150):
 *
 * <pre>
 * {
 *   ":configurator:resource-version": 1,
 *   "cn.taihang.gateway": { "gatewayId": "gw-zheshui-1", "site": "zheshui" },
 *   "cn.taihang.counter.lane~l1": { "device": "post-zw-01-l1", "loopAPin": 17, "loopBPin:Integer": 27 }
 * }
 * </pre>
 *
 * Untyped integral numbers become {@code Long}, others {@code Double}; a key may carry a type
 * ({@code name:Integer}, {@code name:Double[]}, …). Defaults are not written here: they live in each
 * component's MetaType definition.
 */
public final class ConfigurationFile {

    private static final Pattern PID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*(~[A-Za-z0-9_.-]+)?");
    private static final long MAX_BYTES = 1 << 20;

    private final Path path;
    private final List<PidConfiguration> configurations;
    private final String sha256;

    private ConfigurationFile(Path path, List<PidConfiguration> configurations, String sha256) {
        this.path = path;
        this.configurations = List.copyOf(configurations);
        this.sha256 = sha256;
    }

    /**
     * Reads and validates a configuration file.
     *
     * @throws ConfigurationFileException if it cannot be read or is not valid, with the entry at fault
     */
    public static ConfigurationFile read(Path path) throws ConfigurationFileException {
        byte[] bytes;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigurationFileException(path + " is larger than 1 MiB; is it the right file?");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new ConfigurationFileException("cannot read the gateway configuration " + path + ": " + e.getMessage()
                    + "; pass the right file with --config", e);
        }
        // jackson-core's streaming parser: the launcher must not pay databind's start-up cost
        try (JsonParser parser = new JsonFactory().createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ConfigurationFileException(path + " must hold one JSON object mapping PIDs to their properties");
            }
            List<PidConfiguration> configurations = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                if (key.startsWith(":configurator:")) {
                    checkConfiguratorHeader(path, key, parser);
                    continue;
                }
                configurations.add(parseEntry(path, key, parser));
            }
            if (parser.nextToken() != null) {
                throw new ConfigurationFileException(path + ": unexpected content after the configuration object at line "
                        + parser.currentLocation().getLineNr());
            }
            return new ConfigurationFile(path, configurations, sha256(bytes));
        } catch (JsonProcessingException e) {
            throw new ConfigurationFileException(path + " is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigurationFileException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static void checkConfiguratorHeader(Path path, String key, JsonParser parser) throws IOException, ConfigurationFileException {
        if (key.equals(":configurator:resource-version") && (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getIntValue() != 1)) {
            throw new ConfigurationFileException(path + ": only :configurator:resource-version 1 is supported, found " + parser.getText());
        }
        parser.skipChildren();
    }

    private static PidConfiguration parseEntry(Path path, String key, JsonParser parser) throws IOException, ConfigurationFileException {
        if (!PID.matcher(key).matches()) {
            throw new ConfigurationFileException(path + ": '" + key + "' is not a PID (expected e.g. cn.taihang.store or cn.taihang.counter.lane~l1)");
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ConfigurationFileException(path + ": the value of " + key + " must be an object of properties");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String[] nameAndType = parser.currentName().split(":", 2);
            String where = path + ": " + key + "/" + nameAndType[0];
            if (nameAndType[0].isEmpty() || properties.containsKey(nameAndType[0])) {
                throw new ConfigurationFileException(where + ": empty or repeated property name");
            }
            parser.nextToken();
            properties.put(nameAndType[0], PropertyValues.convert(where, PropertyValues.read(where, parser), nameAndType.length > 1 ? nameAndType[1] : null));
        }
        int tilde = key.indexOf('~');
        return tilde < 0 ? new PidConfiguration(key, key, null, properties)
                : new PidConfiguration(key, key.substring(0, tilde), key.substring(tilde + 1), properties);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return where the file was read from */
    public Path path() {
        return path;
    }

    /** @return the configurations in file order */
    public List<PidConfiguration> configurations() {
        return configurations;
    }

    /** @return SHA-256 of the file's bytes, hex */
    public String sha256() {
        return sha256;
    }

    /**
     * @param pid a singleton PID
     * @param property a property name
     * @return the property's value as text, or {@code null} if absent
     */
    public String value(String pid, String property) {
        return configurations.stream().filter(c -> !c.isFactory() && c.pid().equals(pid)).findFirst()
                .map(c -> c.properties().get(property)).map(String::valueOf).orElse(null);
    }
}
