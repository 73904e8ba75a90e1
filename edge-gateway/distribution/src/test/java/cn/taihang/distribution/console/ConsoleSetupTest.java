package cn.taihang.distribution.console;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A gateway installed without the first admin's password hash: the log shows a one-time setup code that
 * creates the first admin. (That the console URL reaches the bridge is checked by GatewayPipelineTest.)
 */
@Tag("framework")
class ConsoleSetupTest {

    private static final Pattern CODE = Pattern.compile("setup code ([A-Z2-9]{4}(-[A-Z2-9]{4}){3})");

    @TempDir
    Path dir;

    @Test
    void theSetupCodeFromTheLogCreatesTheFirstAdminOnce() throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger("cn.taihang.console.internal.ConsoleComponent");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        log.addAppender(captured);
        try (ConsoleGateway gateway = ConsoleGateway.start(dir, false, "", "", Map.of("taihang.console.url", "https://192.0.2.10:8443/"))) {
            String code = captured.list.stream().map(ILoggingEvent::getFormattedMessage).map(CODE::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElseThrow(() -> new AssertionError("no setup code in the log: " + captured.list));

            ConsoleClient crew = new ConsoleClient(gateway);
            assertThat(crew.get("/login").headers().firstValue("Location")).hasValue("/setup");
            Map<String, String> admin = Map.of("user", "chief", "password", "chief-password-1", "password2", "chief-password-1");
            HttpResponse<String> wrong = crew.submit("/setup", "/setup", with(admin, "code", "AAAA-BBBB-CCCC-DDDD"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("初始化码错误");
            HttpResponse<String> weak = crew.submit("/setup", "/setup", Map.of("code", code, "user", "chief", "password", "short",
                    "password2", "short"));
            assertThat(weak.statusCode()).isEqualTo(400);
            assertThat(weak.body()).contains("密码至少需要 10 个字符");
            HttpResponse<String> done = crew.submit("/setup", "/setup", with(admin, "code", code));
            assertThat(done.statusCode()).isEqualTo(303);
            assertThat(crew.get("/").body()).contains("首个管理员已创建").contains("chief");
            assertThat(new ConsoleClient(gateway).get("/setup").headers().firstValue("Location")).as("used up").hasValue("/login");
            new ConsoleClient(gateway).login("chief", "chief-password-1");
            assertThat(crew.get("/audit?q=setup").body()).contains("setup.completed").contains("setup.failed");
            assertThat(captured.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("https://192.0.2.10:8443/setup"));
        } finally {
            log.detachAppender(captured);
        }
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
