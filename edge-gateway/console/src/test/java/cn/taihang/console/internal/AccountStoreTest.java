package cn.taihang.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.taihang.console.auth.Account;
import cn.taihang.console.auth.Passwords;
import cn.taihang.console.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class AccountStoreTest {

    @TempDir
    Path dir;

    private final Passwords passwords = new Passwords(4, new SecureRandom());

    @Test
    void theFirstAdminComesFromTheInstallHashOnce() throws Exception {
        Path file = dir.resolve("accounts");
        String hash = passwords.hash("correct horse battery".toCharArray());
        AccountStore store = AccountStore.open(file);
        assertThat(store.bootstrap("admin", hash, new SecureRandom())).hasValueSatisfying(a -> assertThat(a.role()).isEqualTo(Role.ADMIN));
        assertThat(store.setupCode()).isEmpty();
        AccountStore reopened = AccountStore.open(file);
        assertThat(reopened.find("admin")).hasValueSatisfying(a -> assertThat(a.passwordHash()).isEqualTo(hash));
        assertThat(reopened.bootstrap("admin", passwords.hash("another-password".toCharArray()), new SecureRandom()))
                .as("accounts exist: the install hash is not used again").isEmpty();
        assertThat(AccountStore.open(file).find("admin").orElseThrow().passwordHash()).isEqualTo(hash);
    }

    @Test
    void withoutAHashASetupCodeCreatesTheFirstAdminOnce() throws Exception {
        AccountStore store = AccountStore.open(dir.resolve("accounts"));
        store.bootstrap("admin", "", new SecureRandom());
        String code = store.setupCode().orElseThrow();
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){3}");
        Account admin = new Account("chief", Role.ADMIN, passwords.hash("chief-password".toCharArray()));
        assertThat(store.completeSetup("WRONG-CODE-0000-0000", admin)).isFalse();
        assertThat(store.completeSetup(code.toLowerCase(), admin)).as("any case").isTrue();
        assertThat(store.setupCode()).isEmpty();
        assertThat(store.completeSetup(code, admin)).as("used up").isFalse();
        assertThat(store.all()).extracting(Account::user).containsExactly("chief");
    }

    @Test
    void aDamagedFileKeepsItsGoodLinesAndOpensNoSetup() throws Exception {
        Path file = dir.resolve("accounts");
        String hash = passwords.hash("correct horse battery".toCharArray());
        Files.writeString(file, "# comment\nadmin:admin:" + hash + "\nbroken line\nx:superuser:" + hash + "\nBad Name:viewer:" + hash + "\n");
        AccountStore store = AccountStore.open(file);
        assertThat(store.all()).extracting(Account::user).containsExactly("admin");
        Files.writeString(file, "garbage:::\n");
        AccountStore damaged = AccountStore.open(file);
        damaged.bootstrap("admin", "", new SecureRandom());
        assertThat(damaged.isEmpty()).isTrue();
        assertThat(damaged.setupCode()).as("a damaged file must not open the setup").isEmpty();
    }

    @Test
    void changesAreSavedAndAccountsValidated() throws Exception {
        Path file = dir.resolve("accounts");
        AccountStore store = AccountStore.open(file);
        String hash = passwords.hash("technician-password".toCharArray());
        store.put(new Account("tech", Role.TECHNICIAN, hash));
        store.put(new Account("boss", Role.ADMIN, hash));
        store.put(store.find("tech").orElseThrow().withRole(Role.VIEWER));
        assertThat(store.remove("boss")).isTrue();
        assertThat(store.remove("boss")).isFalse();
        assertThat(AccountStore.open(file).all()).containsExactly(new Account("tech", Role.VIEWER, hash));
        assertThat(Files.readString(file)).contains("tech:viewer:$2y$");
        assertThatThrownBy(() -> new Account("tech", Role.ADMIN, "plain")).hasMessageContaining("bcrypt");
        assertThatThrownBy(() -> new Account("a:b", Role.ADMIN, hash)).hasMessageContaining("user names");
    }
}
