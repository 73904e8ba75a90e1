package cn.taihang.bridge.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway: the core's migrations, then each module's, in module order, each owner with
 * its own history table {@code schema_history_<owner>} (so a module's versions are its own). A database made by a bridge
 * before migrations existed has today's tables already: its owners' first migrations are written with
 * {@code IF NOT EXISTS}, so they apply over it unchanged (the history starts at a version-0 baseline). Blocking: run it
 * off the event loop.
 */
final class SchemaMigrations {

    /**
     * Whose migrations, and where.
     *
     * @param owner {@code core} or a module's name; names the history table
     * @param folder class-path folder holding {@code common/} (migrations both engines run) and optionally
     *     {@code sqlite/} / {@code postgresql/} (a version one engine needs written its own way)
     */
    record Source(String owner, String folder) {

        private static final Pattern OWNER = Pattern.compile("[a-z][a-z0-9_]{0,40}");

        Source {
            if (!OWNER.matcher(owner).matches()) {
                throw new IllegalArgumentException("a module with migrations needs a name of [a-z][a-z0-9_], was '" + owner + "'");
            }
            Objects.requireNonNull(folder, "folder");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    private SchemaMigrations() {
    }

    /**
     * @param engine {@code sqlite} or {@code postgresql}: the engine folder read beside {@code common/}
     * @param placeholders the engine's words for what the engines spell differently (e.g. {@code blob})
     * @throws IllegalStateException if an owner's schema is newer than this bridge knows, or a migration fails; the
     *     message names the owner and the version
     */
    static void apply(DataSource dataSource, String engine, Map<String, String> placeholders, List<Source> sources) {
        for (Source source : sources) {
            Flyway flyway = Flyway.configure(SchemaMigrations.class.getClassLoader()).loggers("slf4j").dataSource(dataSource)
                    .table("schema_history_" + source.owner()).locations(locations(source, engine)).placeholders(placeholders)
                    .baselineOnMigrate(true).baselineVersion("0").baselineDescription("tables made before migrations")
                    .load();
            try {
                MigrationInfoService info = flyway.info();
                refuseNewer(source, info);
                if (info.pending().length > 0) {
                    int applied = flyway.migrate().migrationsExecuted;
                    LOG.info("{} schema: {} migration(s) applied, now at version {}", source.owner(), applied, flyway.info().current().getVersion());
                }
            } catch (FlywayException e) {
                throw new IllegalStateException("the " + source.owner() + " schema could not be brought up to date: " + e.getMessage(), e);
            }
        }
    }

    private static void refuseNewer(Source source, MigrationInfoService info) {
        for (MigrationInfo m : info.applied()) {
            if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
                MigrationInfo known = info.all().length == 0 ? null : lastKnown(info);
                throw new IllegalStateException("the database's " + source.owner() + " schema is at version " + m.getVersion()
                        + ", newer than this bridge knows (" + (known == null ? "none" : known.getVersion()) + "): a newer bridge has used it; "
                        + "run that bridge (or a newer one), or point this one at another database");
            }
        }
    }

    private static MigrationInfo lastKnown(MigrationInfoService info) {
        MigrationInfo last = null;
        for (MigrationInfo m : info.all()) {
            if (m.getState() != MigrationState.FUTURE_SUCCESS && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null) {
                last = m;
            }
        }
        return last;
    }

    private static String[] locations(Source source, String engine) {
        List<String> found = new ArrayList<>(List.of("classpath:" + source.folder() + "/common"));
        if (SchemaMigrations.class.getClassLoader().getResource(source.folder() + "/" + engine) != null) {
            found.add("classpath:" + source.folder() + "/" + engine);
        }
        return found.toArray(String[]::new);
    }
}
