package cn.taihang.bridge.broker;

import cn.taihang.bridge.module.Storage;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.function.Supplier;

/**
 * Which version of each retained fleet command the bridge's instances have put on the broker, in the shared database
 * (table {@code fleet_publications}). A publish of a name runs in one write transaction holding that name's lock
 * ({@link Storage#lock}) until the broker has acknowledged it, so publishes of one name are ordered across instances
 * and a slower instance never replaces a newer retained body with an older one.
 */
final class FleetPublications {

    private final Storage storage;
    private final boolean republishSameVersion;

    /**
     * @param storage the bridge's (shared) database
     * @param republishSameVersion whether a version already published is published again: {@code true} for a lone bridge,
     *     whose broker (often its own embedded, in-memory one) may have lost its retained messages since; {@code false}
     *     in a share group, where every instance would otherwise publish the same version at its start
     */
    FleetPublications(Storage storage, boolean republishSameVersion) {
        this.storage = storage;
        this.republishSameVersion = republishSameVersion;
    }

    /**
     * @param name the fleet command's name
     * @param version its body's version
     * @param publish publishes it retained, completing with the command id once the broker has it
     * @return the command id, or 0 if a newer version (or, in a share group, this one) was already published; fails as
     *     {@code publish} does, and then nothing is recorded
     */
    Future<Long> publishIfNewer(String name, long version, long nowMillis, Supplier<Future<Long>> publish) {
        return storage.writer().withTransaction(tx -> storage.lock(tx, "fleet-command:" + name)
                .compose(v -> tx.preparedQuery("SELECT version FROM fleet_publications WHERE name = $1").execute(Tuple.of(name)))
                .compose(rows -> {
                    Long last = rows.size() == 0 ? null : rows.iterator().next().getLong(0);
                    if (last != null && (last > version || (last == version && !republishSameVersion))) {
                        return Future.succeededFuture(0L);
                    }
                    return publish.get().compose(id -> tx.preparedQuery("""
                            INSERT INTO fleet_publications (name, version, command_id, published_ms) VALUES ($1, $2, $3, $4)
                            ON CONFLICT (name) DO UPDATE SET version = excluded.version, command_id = excluded.command_id,
                              published_ms = excluded.published_ms""").execute(Tuple.of(name, version, id, nowMillis)).map(id));
                }));
    }
}
