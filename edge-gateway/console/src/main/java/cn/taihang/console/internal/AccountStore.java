package cn.taihang.console.internal;

import cn.taihang.console.auth.Account;
import cn.taihang.console.auth.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's accounts, in a text file of the data directory ({@code user:role:bcrypt-hash} per
 * line, like htpasswd), rewritten atomically on each change. While there are none, the first admin
 * comes from the install configuration's password hash, or from the one-time setup code.
 */
final class AccountStore {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);
    private static final String SETUP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final Path file;
    private final Map<String, Account> accounts = new TreeMap<>();
    private final boolean damaged;
    private String setupCode;

    private AccountStore(Path file, List<Account> loaded, boolean damaged) {
        this.file = file;
        loaded.forEach(a -> accounts.put(a.user(), a));
        this.damaged = damaged;
    }

    /** Reads the file; bad lines are skipped and reported (the rest still works). */
    static AccountStore open(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new AccountStore(file, List.of(), false);
        }
        List<Account> loaded = new ArrayList<>();
        boolean damaged = false;
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", 3);
            try {
                if (fields.length != 3) {
                    throw new IllegalArgumentException("expected user:role:hash");
                }
                loaded.add(new Account(fields[0], Role.parse(fields[1]), fields[2].strip()));
            } catch (IllegalArgumentException e) {
                damaged = true;
                LOG.error("{} line {} is not an account ({}); it is ignored — fix or remove the line", file, lineNumber, e.getMessage());
            }
        }
        return new AccountStore(file, loaded, damaged);
    }

    /**
     * Makes sure there is a way to the first admin: creates it from the install configuration's hash,
     * or makes a one-time setup code. Does nothing if there are accounts, or if the file is damaged
     * (a damaged file must not open the setup to anyone who can reach the console).
     *
     * @return the account created from the hash, if one was
     */
    synchronized Optional<Account> bootstrap(String adminUser, String passwordHash, SecureRandom random) throws IOException {
        if (!accounts.isEmpty() || damaged) {
            return Optional.empty();
        }
        if (passwordHash != null && !passwordHash.isBlank()) {
            Account admin = new Account(adminUser, Role.ADMIN, passwordHash.strip());
            put(admin);
            return Optional.of(admin);
        }
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(SETUP_ALPHABET.charAt(random.nextInt(SETUP_ALPHABET.length())));
        }
        setupCode = code.toString();
        return Optional.empty();
    }

    /** @return the one-time setup code, while the first admin is still to be created */
    synchronized Optional<String> setupCode() {
        return Optional.ofNullable(setupCode);
    }

    /** @return whether the code is the live setup code (constant time); a used code is gone */
    synchronized boolean setupCodeMatches(String code) {
        if (setupCode == null || code == null) {
            return false;
        }
        String normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
        return MessageDigest.isEqual(setupCode.getBytes(StandardCharsets.US_ASCII), normalized.getBytes(StandardCharsets.US_ASCII));
    }

    /** Creates the first admin with the setup code; the code is used up. */
    synchronized boolean completeSetup(String code, Account admin) throws IOException {
        if (!setupCodeMatches(code) || !accounts.isEmpty()) {
            return false;
        }
        put(admin);
        setupCode = null;
        return true;
    }

    synchronized Optional<Account> find(String user) {
        return Optional.ofNullable(accounts.get(user));
    }

    synchronized List<Account> all() {
        return List.copyOf(accounts.values());
    }

    synchronized boolean isEmpty() {
        return accounts.isEmpty();
    }

    /** Adds or replaces an account and saves. */
    synchronized void put(Account account) throws IOException {
        Account previous = accounts.put(account.user(), account);
        try {
            save();
        } catch (IOException e) {
            if (previous == null) {
                accounts.remove(account.user());
            } else {
                accounts.put(previous.user(), previous);
            }
            throw e;
        }
    }

    /** Removes an account and saves. */
    synchronized boolean remove(String user) throws IOException {
        Account removed = accounts.remove(user);
        if (removed == null) {
            return false;
        }
        try {
            save();
        } catch (IOException e) {
            accounts.put(user, removed);
            throw e;
        }
        return true;
    }

    /** @return how many admins there are */
    synchronized long admins() {
        return accounts.values().stream().filter(a -> a.role() == Role.ADMIN).count();
    }

    private void save() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Taihang maintenance console accounts: user:role:bcrypt-hash. Change them in the console (admin).");
        accounts.values().forEach(a -> lines.add(a.user() + ":" + a.role().label() + ":" + a.passwordHash()));
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
