package cn.taihang.bridge.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the bridge's PostgreSQL database is and how to log in: {@code postgresql://user@host:port/database}. The
 * password never travels in the URL (it would end up in shell history and process lists): it comes from a file or the
 * environment, see the bridge's CLI.
 *
 * @param host host name or address
 * @param port TCP port, 1-65535
 * @param database database name
 * @param user role to log in as
 * @param password the role's password, or {@code null} when the server trusts the connection (tests, a local socket)
 * @param poolSize connections this bridge opens for writes (as many again, at most 4, for queries), 1-64
 */
public record PostgresAddress(String host, int port, String database, String user, String password, int poolSize) {

    /** Port when the URL names none. */
    public static final int DEFAULT_PORT = 5432;
    /** Write connections when none are asked for. */
    public static final int DEFAULT_POOL_SIZE = 8;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}");

    /** Validates. @throws IllegalArgumentException saying what to change */
    public PostgresAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("PostgreSQL host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("PostgreSQL port must be 1-65535, was " + port);
        }
        if (database == null || !NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("PostgreSQL database name must be 1-63 of [A-Za-z0-9_.-], was '" + database + "'");
        }
        if (user == null || !NAME.matcher(user).matches()) {
            throw new IllegalArgumentException("PostgreSQL user must be 1-63 of [A-Za-z0-9_.-], was '" + user + "'");
        }
        if (poolSize < 1 || poolSize > 64) {
            throw new IllegalArgumentException("PostgreSQL pool size must be 1-64, was " + poolSize);
        }
    }

    /**
     * @param url {@code postgresql://user@host[:port]/database} (also {@code postgres://})
     * @param password the password, or {@code null}
     * @return the address with {@value #DEFAULT_POOL_SIZE} write connections
     * @throws IllegalArgumentException if the URL is not of that form, or carries a password
     */
    public static PostgresAddress parse(String url, String password) {
        String expected = "; expected postgresql://user@host:port/database";
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "PostgreSQL URL").trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("database URL '" + url + "' is not a URL" + expected, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("database URL '" + url + "' must start with postgresql://" + expected);
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.contains(":")) {
            throw new IllegalArgumentException("the database URL must not carry a password (it would show in process lists and shell history); "
                    + "pass it with --database-password-file or the environment variable PGPASSWORD");
        }
        if (uri.getHost() == null || userInfo == null || uri.getPath() == null || uri.getPath().length() < 2 || uri.getQuery() != null) {
            throw new IllegalArgumentException("database URL '" + url + "' needs a user, a host and a database" + expected);
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        try {
            return new PostgresAddress(host, uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), uri.getPath().substring(1),
                    URLDecoder.decode(userInfo, StandardCharsets.UTF_8), password, DEFAULT_POOL_SIZE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("database URL '" + url + "': " + e.getMessage(), e);
        }
    }

    /** @return a copy with another number of write connections */
    public PostgresAddress withPoolSize(int size) {
        return new PostgresAddress(host, port, database, user, password, size);
    }

    /** @return the address as a URL without the password, e.g. {@code postgresql://bridge@db.example:5432/taihang} */
    public String url() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "postgresql://" + user + "@" + shownHost + ":" + port + "/" + database;
    }

    /** @return the JDBC URL of the same database (for the schema migrations) */
    String jdbcUrl() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + shownHost + ":" + port + "/" + database;
    }

    /** @return {@link #url()}: never the password */
    @Override
    public String toString() {
        return url();
    }
}
