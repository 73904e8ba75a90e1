package cn.taihang.bridge.releases;

import cn.taihang.bridge.module.BridgeContext;
import cn.taihang.bridge.module.GatewayInfo;
import cn.taihang.bridge.module.IngestedRecord;
import cn.taihang.bridge.module.ServiceException;
import cn.taihang.bridge.releases.rollout.Targets;
import cn.taihang.release.ConfigPush;
import cn.taihang.release.ConfigSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote configuration: a push is checked ({@link ConfigRequest}; against the schema of each release the targets run, when
 * the bridge holds it), stored under the next version and sent to each targeted gateway as a retained
 * {@value ConfigPush#COMMAND} command carrying every fragment pushed to that gateway merged in version order — so a gateway
 * that was away finds all of them in the one command it gets. Every look (each tick) sends the latest to a gateway the
 * bridge learnt of after the push (its birth) and again to one whose command did not reach the broker. The gateways'
 * {@value ConfigPush#REPORT_KIND} records say what they run.
 */
final class ConfigPushService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigPushService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BridgeContext context;
    private final ConfigPushStore store;
    private final ReleaseStore releases;
    private final Clock clock;
    private final AtomicBoolean looking = new AtomicBoolean();

    ConfigPushService(BridgeContext context, ConfigPushStore store, ReleaseStore releases, Clock clock) {
        this.context = context;
        this.store = store;
        this.releases = releases;
        this.clock = clock;
    }

    ConfigPushStore store() {
        return store;
    }

    /** @return the gateways the bridge knows */
    Future<List<GatewayInfo>> gateways() {
        return context.gateways();
    }

    /** @return the stored push; fails INVALID for a bad request or unknown targets, UNPROCESSABLE if a release's schema refuses it */
    Future<ConfigPushStore.Push> push(JsonObject body) {
        ConfigRequest request = ConfigRequest.of(body);
        return context.gateways().compose(known -> {
            Set<String> unknownGateways = new TreeSet<>(request.targets().gateways());
            Set<String> unknownSites = new TreeSet<>(request.targets().sites());
            known.forEach(g -> {
                unknownGateways.remove(g.id());
                unknownSites.remove(g.site());
            });
            if (!unknownGateways.isEmpty() || !unknownSites.isEmpty()) {
                throw ServiceException.invalid("targets", "ids of gateways and sites the bridge knows (GET /api/v1/gateways)",
                        "unknown " + (unknownGateways.isEmpty() ? "" : "gateways " + unknownGateways + " ") + (unknownSites.isEmpty() ? "" : "sites " + unknownSites))
                        .withReason("unknown-targets");
            }
            List<GatewayInfo> targeted = known.stream().filter(g -> request.targets().includes(g.id(), g.site())).toList();
            if (targeted.isEmpty()) {
                throw ServiceException.invalid("targets", null, "the targets name no gateway the bridge knows").withReason("unknown-targets");
            }
            return checkAgainstReleases(request, targeted).compose(v -> {
                Map<String, String> sites = new LinkedHashMap<>();
                targeted.forEach(g -> sites.put(g.id(), g.site()));
                return store.create(request.targetsJson(), request.configuration(), request.note(), sites, clock.instant())
                        .compose(push -> send(targeted).map(push));
            });
        });
    }

    /** Checks the fragment against the schema of every release a targeted gateway runs that the bridge holds. */
    private Future<Void> checkAgainstReleases(ConfigRequest request, List<GatewayInfo> targeted) {
        Set<String> versions = new TreeSet<>();
        targeted.stream().filter(g -> g.software() != null).forEach(g -> versions.add(g.software()));
        List<Future<List<String>>> checks = new ArrayList<>();
        for (String version : versions) {
            checks.add(releases.schema(version).map(schema -> problems(version, schema, request)).recover(err -> Future.succeededFuture(List.of())));
        }
        return Future.all(checks).map(all -> {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                problems.addAll(all.<List<String>>resultAt(i));
            }
            if (!problems.isEmpty()) {
                throw ServiceException.unprocessable("configuration refused, nothing was sent: " + String.join("; ", problems)).withReason("configuration");
            }
            return null;
        });
    }

    private static List<String> problems(String version, ConfigSchema schema, ConfigRequest request) {
        return schema.problems(request.untyped(), false, true).stream().map(p -> "release " + version + ": " + p).toList();
    }

    /** Sends each gateway the configuration of every push that targets it, as of the latest. */
    private Future<Void> send(List<GatewayInfo> gateways) {
        return store.pushes().compose(pushes -> {
            List<Future<Void>> sends = new ArrayList<>();
            for (GatewayInfo g : gateways) {
                cumulative(pushes, g).ifPresent(push -> sends.add(sendOne(g, push)));
            }
            return Future.join(sends).mapEmpty();
        });
    }

    private Future<Void> sendOne(GatewayInfo g, ConfigPush push) {
        return context.commands().send(g.site(), g.id(), ConfigPush.COMMAND, push.encode(), true, 0).<Void>mapEmpty().recover(err -> {
            LOG.warn("configuration push {} for {} did not reach the broker: {}", push.version(), g.id(), err.getMessage());
            return store.unsent(g.id(), push.version(), "not on the broker yet 尚未送达: " + err.getMessage());
        });
    }

    /** @return the merged configuration of every push that targets the gateway, under the latest such version */
    static Optional<ConfigPush> cumulative(List<ConfigPushStore.Push> pushes, GatewayInfo g) {
        ObjectNode merged = JSON.createObjectNode();
        long version = 0;
        for (ConfigPushStore.Push p : pushes) {
            if (!p.selection().includes(g.id(), g.site())) {
                continue;
            }
            version = p.version();
            p.fragment().forEach(e -> {
                if (e.getKey().startsWith(":configurator:")) {
                    return;
                }
                ObjectNode into = merged.has(e.getKey()) ? (ObjectNode) merged.get(e.getKey()) : merged.putObject(e.getKey());
                ObjectNode pushed = (ObjectNode) JSON.valueToTree(((JsonObject) e.getValue()).getMap());
                pushed.fieldNames().forEachRemaining(name -> {
                    List<String> same = new ArrayList<>();
                    into.fieldNames().forEachRemaining(k -> {
                        if (ConfigRequest.baseName(k).equals(ConfigRequest.baseName(name))) {
                            same.add(k);
                        }
                    });
                    into.remove(same);
                });
                into.setAll(pushed);
            });
        }
        return version == 0 ? Optional.empty() : Optional.of(new ConfigPush(version, merged));
    }

    /**
     * One look: each gateway the bridge knows whose latest push is newer than what it was sent (it was born after the
     * push) or was not on the broker is sent it. Looks never overlap.
     */
    void look() {
        if (!looking.compareAndSet(false, true)) {
            return;
        }
        store.pushes().compose(pushes -> pushes.isEmpty() ? Future.<Void>succeededFuture() : context.gateways().compose(known -> store.gateways().compose(rows -> {
            Map<String, ConfigPushStore.GatewayConfig> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.gateway(), r));
            List<GatewayInfo> behind = new ArrayList<>();
            Map<String, String> sites = new HashMap<>();
            long latest = 0;
            for (GatewayInfo g : known) {
                long due = pushes.stream().filter(p -> p.selection().includes(g.id(), g.site())).mapToLong(ConfigPushStore.Push::version).max().orElse(0);
                ConfigPushStore.GatewayConfig row = byId.get(g.id());
                if (due > 0 && (row == null || row.desired() == null || row.desired() < due || ConfigPushStore.UNSENT.equals(row.reason()))) {
                    behind.add(g);
                    sites.put(g.id(), g.site());
                    latest = Math.max(latest, due);
                }
            }
            if (behind.isEmpty()) {
                return Future.succeededFuture();
            }
            LOG.info("configuration: sending the latest push to {} gateway(s) that lack it: {}", behind.size(), sites.keySet());
            List<Future<Void>> marks = new ArrayList<>();
            for (GatewayInfo g : behind) {
                cumulative(pushes, g).ifPresent(p -> marks.add(store.sent(p.version(), Map.of(g.id(), g.site()))));
            }
            return Future.join(marks).compose(v -> send(behind));
        }))).onComplete(ar -> {
            looking.set(false);
            if (ar.failed()) {
                LOG.warn("configuration pushes could not be looked at: {}", ar.cause().toString());
            }
        });
    }

    /** The gateways' reports, inside the ingest transaction; a record that does not parse is logged and skipped. */
    Future<Void> onRecords(SqlConnection transaction, List<IngestedRecord> records) {
        List<ConfigPushStore.Report> reports = new ArrayList<>();
        for (IngestedRecord r : records) {
            Double version = r.number(ConfigPush.VERSION);
            String state = r.text(ConfigPush.STATE);
            if (version == null || state == null || !ConfigPush.STATES.contains(state)) {
                LOG.warn("configuration report {} #{} lacks a version or a known state; skipped", r.gateway(), r.seq());
                continue;
            }
            reports.add(new ConfigPushStore.Report(r.gateway(), r.site(), version.longValue(), state, orDash(r.text(ConfigPush.REASON)),
                    orDash(r.text(ConfigPush.MESSAGE)), orDash(r.text(ConfigPush.HASH)), orDash(r.text(ConfigPush.PIDS)), Instant.ofEpochMilli(r.timeMillis())));
        }
        return reports.isEmpty() ? Future.succeededFuture() : store.apply(transaction, reports);
    }

    private static String orDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }
}
