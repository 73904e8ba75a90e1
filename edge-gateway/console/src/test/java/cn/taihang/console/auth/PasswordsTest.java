package cn.taihang.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PasswordsTest {

    private final Passwords passwords = new Passwords(4, new SecureRandom());

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = passwords.hash("correct horse battery".toCharArray());
        assertThat(hash).startsWith("$2y$04$");
        assertThat(Passwords.isBcryptHash(hash)).isTrue();
        assertThat(passwords.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(passwords.matches("correct horse batterY".toCharArray(), hash)).isFalse();
        assertThat(passwords.hash("correct horse battery".toCharArray())).as("salted").isNotEqualTo(hash);
    }

    @Test
    void hashesFromOtherBcryptToolsAreAccepted() {
        // OpenBSD's test vector ($2a$) and the same hash as htpasswd -B writes it ($2y$)
        String openBsd = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
        assertThat(passwords.matches("U*U".toCharArray(), openBsd)).isTrue();
        assertThat(passwords.matches("U*U".toCharArray(), openBsd.replace("$2a$", "$2y$"))).isTrue();
        assertThat(passwords.matches("U*V".toCharArray(), openBsd)).isFalse();
    }

    @Test
    void malformedHashesNeverMatchAndAreNotAccounts() {
        for (String bad : new String[] {null, "", "plain-text", "$2y$10$short", "$2x$10$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
                "$2y$99$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "$2y$05$" + "C".repeat(500)}) {
            assertThat(Passwords.isBcryptHash(bad)).as(String.valueOf(bad)).isFalse();
            assertThat(passwords.matches("U*U".toCharArray(), bad)).isFalse();
        }
    }

    @Test
    void passwordsBeyondBcryptsLimitNeverMatch() {
        String hash = passwords.hash("x".repeat(72).toCharArray());
        assertThat(passwords.matches("x".repeat(200).toCharArray(), hash)).isFalse();
    }

    @Test
    void weakPasswordsAreNamed() {
        assertThat(Passwords.weakness("tech", "short".toCharArray())).isEqualTo("password.tooShort");
        assertThat(Passwords.weakness("technician", "Technician".toCharArray())).isEqualTo("password.isUserName");
        assertThat(Passwords.weakness("tech", "路".repeat(25).toCharArray())).as("75 bytes of UTF-8").isEqualTo("password.tooLong");
        assertThat(Passwords.weakness("tech", "太行山上的维护员".repeat(2).toCharArray())).isNull();
    }
}
