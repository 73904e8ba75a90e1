package cn.taihang.console.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SessionsTest {

    private final AtomicLong now = new AtomicLong(5_000_000);
    private final Sessions sessions = new Sessions(15 * 60_000L, 8 * 3_600_000L, now::get, new SecureRandom());

    @Test
    void aLoginStartsANewSessionAndEndsTheAnonymousOne() {
        Sessions.Session anonymous = sessions.anonymous();
        assertThat(anonymous.authenticated()).isFalse();
        Sessions.Session s = sessions.login("tech", Role.TECHNICIAN, anonymous.id());
        assertThat(s.id()).isNotEqualTo(anonymous.id());
        assertThat(s.csrfToken()).isNotEqualTo(anonymous.csrfToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.find(anonymous.id())).isEmpty();
        assertThat(sessions.find(s.id())).containsSame(s);
    }

    @Test
    void anIdleSessionEndsAndUseKeepsItAlive() {
        Sessions.Session s = sessions.login("tech", Role.TECHNICIAN, null);
        now.addAndGet(14 * 60_000L);
        assertThat(sessions.find(s.id())).isPresent();
        now.addAndGet(14 * 60_000L);
        assertThat(sessions.find(s.id())).as("used 14 min ago").isPresent();
        now.addAndGet(15 * 60_000L + 1);
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void aBusySessionStillEndsAfterTheLongestTime() {
        Sessions.Session s = sessions.login("tech", Role.TECHNICIAN, null);
        for (int i = 0; i < 8 * 6; i++) {
            now.addAndGet(10 * 60_000L);
            sessions.find(s.id());
        }
        now.addAndGet(1);
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void csrfTokensCompareExactly() {
        Sessions.Session s = sessions.login("tech", Role.TECHNICIAN, null);
        assertThat(s.csrfMatches(s.csrfToken())).isTrue();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(s.csrfToken() + "x")).isFalse();
        assertThat(s.csrfMatches(sessions.login("other", Role.VIEWER, null).csrfToken())).isFalse();
    }

    @Test
    void changingAnAccountEndsAllItsSessions() {
        Sessions.Session a = sessions.login("tech", Role.TECHNICIAN, null);
        Sessions.Session b = sessions.login("tech", Role.TECHNICIAN, null);
        Sessions.Session other = sessions.login("view", Role.VIEWER, null);
        sessions.endAll("tech");
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(other.id())).isPresent();
    }

    @Test
    void anonymousSessionsAreCappedAndUnknownIdsFindNothing() {
        for (int i = 0; i < 1500; i++) {
            sessions.anonymous();
            now.incrementAndGet();
        }
        assertThat(sessions.live()).isLessThanOrEqualTo(1000);
        assertThat(sessions.find("no-such-id")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        assertThatThrownBy(() -> sessions.login("Bad Name", Role.ADMIN, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlashMessageIsShownOnce() {
        Sessions.Session s = sessions.login("tech", Role.TECHNICIAN, null);
        s.flash("config.applied");
        assertThat(s.takeFlash()).isEqualTo("config.applied");
        assertThat(s.takeFlash()).isNull();
    }

    @Test
    void rolesIncludeTheLowerOnes() {
        assertThat(Role.ADMIN.includes(Role.TECHNICIAN)).isTrue();
        assertThat(Role.TECHNICIAN.includes(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.includes(Role.TECHNICIAN)).isFalse();
        assertThat(Role.parse(" Technician ")).isEqualTo(Role.TECHNICIAN);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("viewer, technician or admin");
    }
}
