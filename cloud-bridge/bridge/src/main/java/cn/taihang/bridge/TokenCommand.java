package cn.taihang.bridge;

import cn.taihang.bridge.http.auth.LocalTokenIssuer;
import cn.taihang.bridge.module.Scopes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taihang-bridge token --scope telemetry:read,signs:write --subject operator --ttl 8h}: mints a bearer token with
 * the bridge's local issuer (for the demo, tests and a small installation; a city configures its identity provider with
 * {@code --token-keys} instead) and prints it. The issuer's key pair is made on first use, the private key owner-only.
 * Exit codes: 0 printed, 1 the key cannot be used, 2 bad options.
 */
@Command(name = "token", mixinStandardHelpOptions = true, description = {"Mint a bearer token (JWT, ES256) with the bridge's local issuer and print it.",
        "Scopes: " + "tickets:sell, tickets:admin, rental:desk, dispatch:plan, signs:write, signs:safety-override, telemetry:read, metrics:read, fleet:admin, fleet:read, fleet:gateway"})
final class TokenCommand implements Callable<Integer> {

    private static final Pattern TTL = Pattern.compile("(\\d{1,7})([smhd])");

    @Option(names = "--data", paramLabel = "DIR", defaultValue = BridgeOptions.DEFAULT_DATA_DIR,
            description = "the bridge's data directory; the issuer's keys are in its " + BridgeOptions.SECRETS_DIR + "/ (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--secrets", paramLabel = "DIR", description = "the issuer's key directory itself (default <data>/" + BridgeOptions.SECRETS_DIR + ")")
    Path secretsDir;

    @Option(names = "--subject", required = true, description = "who the token is for, e.g. operator")
    String subject;

    @Option(names = "--client", description = "the client it is given to (default: the subject)")
    String client;

    @Option(names = "--scope", required = true, paramLabel = "SCOPES", description = "comma- or space-separated scopes")
    String scopes;

    @Option(names = "--ttl", defaultValue = "8h", description = "lifetime: N s|m|h|d, at most 30d (default ${DEFAULT-VALUE})")
    String ttl;

    @Override
    public Integer call() {
        String token;
        try {
            Duration lifetime = ttl(ttl);
            try (LocalTokenIssuer issuer = LocalTokenIssuer.open(secretsDir != null ? secretsDir : dataDir.resolve(BridgeOptions.SECRETS_DIR), Clock.systemUTC())) {
                token = issuer.mint(subject, client, LocalTokenIssuer.scopes(scopes), lifetime);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("配置错误 Bad option: " + e.getMessage() + " (scopes: " + String.join(", ", Scopes.ALL) + ")");
            return 2;
        } catch (IOException e) {
            System.err.println("令牌签发失败 Cannot mint: " + e.getMessage());
            return 1;
        }
        System.out.println(token);
        return 0;
    }

    /** @return a lifetime written as N followed by s, m, h or d */
    static Duration ttl(String text) {
        Matcher m = TTL.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--ttl takes N followed by s, m, h or d (e.g. 8h), was '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
