package cn.taihang.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LoginThrottleTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginThrottle throttle = new LoginThrottle(3, 60_000, 6, now::get);

    @Test
    void consecutiveWrongPasswordsLockTheNameUntilTheLockoutEnds() {
        assertThat(throttle.failed("10.0.0.9", "tech")).isZero();
        assertThat(throttle.failed("10.0.0.9", "tech")).isZero();
        long until = throttle.failed("10.0.0.9", "tech");
        assertThat(until).isEqualTo(now.get() + 60_000);
        assertThat(throttle.attempt("10.0.0.9", "tech")).isEqualTo(new LoginThrottle.Verdict.Locked(until));
        assertThat(throttle.attempt("10.0.0.9", "other")).isInstanceOf(LoginThrottle.Verdict.Allowed.class);
        now.addAndGet(60_001);
        assertThat(throttle.attempt("10.0.0.9", "tech")).isInstanceOf(LoginThrottle.Verdict.Allowed.class);
        assertThat(throttle.failed("10.0.0.9", "tech")).as("the count starts again after a lockout").isZero();
    }

    @Test
    void aSuccessOrAnAdminForgetsTheFailures() {
        throttle.failed("10.0.0.9", "tech");
        throttle.failed("10.0.0.9", "tech");
        throttle.succeeded("10.0.0.9", "tech");
        assertThat(throttle.failed("10.0.0.9", "tech")).isZero();
        throttle.failed("10.0.0.9", "tech");
        throttle.failed("10.0.0.9", "tech");
        assertThat(throttle.lockedUntil("tech")).isPositive();
        throttle.unlock("tech");
        assertThat(throttle.lockedUntil("tech")).isZero();
    }

    @Test
    void aStrangerHammeringAdminLocksOnlyHisOwnAddressOut() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.66", "admin");
        }
        assertThat(throttle.attempt("10.0.0.66", "admin")).isInstanceOf(LoginThrottle.Verdict.Locked.class);
        assertThat(throttle.attempt("10.0.0.5", "admin")).as("the admin at another address").isInstanceOf(LoginThrottle.Verdict.Allowed.class);
        assertThat(throttle.lockedUntil("admin")).as("the users page shows the lock").isPositive();
        assertThat(throttle.lockedAddresses("admin")).isEqualTo(1);
        throttle.succeeded("10.0.0.5", "admin");
        assertThat(throttle.attempt("10.0.0.66", "admin")).as("the admin's login lifts no lock of the stranger").isInstanceOf(LoginThrottle.Verdict.Locked.class);
        throttle.unlock("admin");
        assertThat(throttle.lockedAddresses("admin")).isZero();
    }

    @Test
    void namesThatAreNoAccountsLockTheSameWay() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.9", "nobody");
        }
        assertThat(throttle.attempt("10.0.0.9", "nobody")).isInstanceOf(LoginThrottle.Verdict.Locked.class);
    }

    @Test
    void oneAddressGetsItsBurstThenItsRate() {
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.attempt("10.0.0.7", "user" + i)).isInstanceOf(LoginThrottle.Verdict.Allowed.class);
        }
        LoginThrottle.Verdict limited = throttle.attempt("10.0.0.7", "user9");
        assertThat(limited).isEqualTo(new LoginThrottle.Verdict.RateLimited(10));
        assertThat(throttle.attempt("10.0.0.8", "user9")).as("another address").isInstanceOf(LoginThrottle.Verdict.Allowed.class);
        now.addAndGet(10_000);
        assertThat(throttle.attempt("10.0.0.7", "user9")).isInstanceOf(LoginThrottle.Verdict.Allowed.class);
        assertThat(throttle.attempt("10.0.0.7", "user9")).isInstanceOf(LoginThrottle.Verdict.RateLimited.class);
    }

    @Test
    void anAddressOverItsRateWaitsTheWholeRetryAfterEvenWhenATokenIsAlmostBack() {
        for (int i = 0; i < 6; i++) {
            throttle.attempt("10.0.0.5", "user" + i);
        }
        now.addAndGet(9_000);
        assertThat(throttle.attempt("10.0.0.5", "tech")).as("0.9 of a token back").isEqualTo(new LoginThrottle.Verdict.RateLimited(10));
        now.addAndGet(1_000);
        assertThat(throttle.attempt("10.0.0.5", "tech")).as("a whole token back, but the address was told to wait 10 s")
                .isEqualTo(new LoginThrottle.Verdict.RateLimited(9));
        now.addAndGet(9_000);
        assertThat(throttle.attempt("10.0.0.5", "tech")).isInstanceOf(LoginThrottle.Verdict.Allowed.class);
    }

    @Test
    void theTablesStayBoundedUnderAFloodOfNames() {
        for (int i = 0; i < 20_000; i++) {
            throttle.failed("10.2.0.1", "flood-" + i);
            throttle.attempt("10.1." + (i / 250) + "." + (i % 250), "flood-" + i);
        }
        assertThat(throttle.lockedUntil("flood-19999")).isZero();
        assertThat(throttle.attempt("10.0.0.1", "tech")).isInstanceOf(LoginThrottle.Verdict.Allowed.class);
    }
}
