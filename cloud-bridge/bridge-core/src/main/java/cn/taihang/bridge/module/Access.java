package cn.taihang.bridge.module;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Who may call a route, named where the route is registered ({@link ApiRoutes}) and nowhere else. Three kinds:
 * <ul>
 *   <li>{@link #open()} — anyone (the catalogue, availability, quotes, the OpenAPI document);</li>
 *   <li>{@link #scopes(String...)} — a bearer token (JWT) carrying one of the scopes;</li>
 *   <li>{@link #holderOr(String...)} — the holder of the resource the path names, by the capability handed out once
 *       when it was made ({@value #HOLDER_HEADER} header, see {@link HolderToken}), or a bearer token with one of the
 *       scopes (none: the holder only). The route checks the capability against the resource ({@link Caller}).</li>
 * </ul>
 * The same rule is declared in each operation's OpenAPI {@code security}; {@link #openApiSecurity()} is what it must say.
 *
 * @param holder whether the resource's holder may call it
 * @param scopes scopes of which a bearer token needs one; empty for open routes and holder-only routes
 */
public record Access(boolean holder, Set<String> scopes) {

    /** The header carrying a holder's capability. */
    public static final String HOLDER_HEADER = "Holder-Token";
    /** The OpenAPI security scheme of bearer tokens. */
    public static final String BEARER_SCHEME = "bearerAuth";
    /** The OpenAPI security scheme of holder capabilities. */
    public static final String HOLDER_SCHEME = "holderToken";

    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]*:[a-z][a-z0-9-]*");

    /** Checks the scopes' form ({@code area:action}). */
    public Access {
        scopes = Set.copyOf(new TreeSet<>(scopes));
        for (String s : scopes) {
            if (!SCOPE.matcher(s).matches()) {
                throw new IllegalArgumentException("a scope is area:action in lower case (e.g. tickets:admin), was '" + s + "'");
            }
        }
    }

    /** @return anyone may call */
    public static Access open() {
        return new Access(false, Set.of());
    }

    /** @return a bearer token with one of these scopes may call */
    public static Access scopes(String... anyOf) {
        if (anyOf.length == 0) {
            throw new IllegalArgumentException("name at least one scope, or use Access.open()");
        }
        return new Access(false, Set.of(anyOf));
    }

    /** @return the resource's holder may call, or a bearer token with one of these scopes (none: the holder only) */
    public static Access holderOr(String... anyOf) {
        return new Access(true, Set.of(anyOf));
    }

    /** @return whether anyone may call */
    public boolean isOpen() {
        return !holder && scopes.isEmpty();
    }

    /** @return the scopes in order, space-separated, as a refusal names them */
    public String scopeList() {
        return String.join(" ", new TreeSet<>(scopes));
    }

    /**
     * @return the operation's OpenAPI {@code security} requirement: alternatives, each a map of scheme to scopes —
     *     empty for open routes, {@code [{holderToken: []}]} for the holder, {@code [{bearerAuth: [s]}]} per scope
     */
    public List<Map<String, List<String>>> openApiSecurity() {
        List<Map<String, List<String>>> alternatives = new java.util.ArrayList<>();
        if (holder) {
            alternatives.add(Map.of(HOLDER_SCHEME, List.of()));
        }
        new TreeSet<>(scopes).forEach(s -> alternatives.add(Map.of(BEARER_SCHEME, List.of(s))));
        return List.copyOf(alternatives);
    }

    @Override
    public String toString() {
        return isOpen() ? "open" : (holder ? "holder" + (scopes.isEmpty() ? "" : " or ") : "") + scopeList();
    }
}
