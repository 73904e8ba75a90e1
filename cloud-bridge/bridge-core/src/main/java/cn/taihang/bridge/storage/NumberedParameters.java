package cn.taihang.bridge.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * The bridge writes placeholders as PostgreSQL numbers them, {@code $1 … $n}. SQLite reads {@code $1} as a parameter
 * NAMED "$1" and numbers names by first appearance, so {@code VALUES ($2, $1)} would bind the wrong way round; its
 * {@code ?NNN} form binds by number. This is the one place that rewrites one into the other, on every statement the
 * SQLite connections prepare.
 */
final class NumberedParameters {

    private NumberedParameters() {
    }

    /**
     * @param sql SQL with {@code $n} placeholders
     * @return the same SQL with {@code ?n} placeholders; string literals, quoted identifiers and comments unchanged
     */
    static String toSqlite(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                end = end < 0 ? sql.length() : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '$' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1))) {
                out.append('?');
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** @return a data source whose connections prepare every statement through {@link #toSqlite} */
    static DataSource rewriting(DataSource sqlite) {
        return (DataSource) Proxy.newProxyInstance(NumberedParameters.class.getClassLoader(), new Class<?>[] {DataSource.class},
                forwarding(sqlite, (method, args) -> {
                    Object result = method.invoke(sqlite, args);
                    return result instanceof Connection c && method.getName().equals("getConnection") ? rewriting(c) : result;
                }));
    }

    private static Connection rewriting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(NumberedParameters.class.getClassLoader(), new Class<?>[] {Connection.class},
                forwarding(connection, (method, args) -> {
                    if ((method.getName().equals("prepareStatement") || method.getName().equals("prepareCall")) && args != null
                            && args.length > 0 && args[0] instanceof String sql) {
                        args[0] = toSqlite(sql);
                    }
                    return method.invoke(connection, args);
                }));
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws ReflectiveOperationException;
    }

    /** Forwards every call, unwrapping the target's own exceptions so the JDBC client sees SQLExceptions as thrown. */
    private static InvocationHandler forwarding(Object target, Call call) {
        return (proxy, method, args) -> {
            if (method.getName().equals("unwrap") && args.length == 1 && ((Class<?>) args[0]).isInstance(target)) {
                return target;
            }
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
