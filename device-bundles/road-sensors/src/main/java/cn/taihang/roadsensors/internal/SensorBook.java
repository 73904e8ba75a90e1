package cn.taihang.roadsensors.internal;

import cn.taihang.gateway.api.ChannelStatus;
import cn.taihang.roadsensors.api.SensorStatus;
import cn.taihang.roadsensors.api.SensorStatus.LatestValue;
import cn.taihang.roadsensors.domain.AlarmChange;
import cn.taihang.roadsensors.domain.AlarmRule;
import cn.taihang.roadsensors.domain.InvalidReadingException;
import cn.taihang.roadsensors.domain.Normaliser;
import cn.taihang.roadsensors.domain.OfflineTracker;
import cn.taihang.roadsensors.domain.RawValue;
import cn.taihang.roadsensors.domain.Reading;
import cn.taihang.roadsensors.domain.SensorProfile;
import cn.taihang.roadsensors.domain.ThresholdTracker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Everything the gateway knows about its road sensors, behind one lock: profiles, latest values,
 * counters, threshold and presence state. Evaluates each pack (normalise, thresholds, presence) and
 * says what changed; the caller acts on it (alarms, records) outside the lock.
 */
final class SensorBook {

    /**
     * What a pack changed.
     *
     * @param profile the sensor's profile
     * @param readings the normalised readings
     * @param changes threshold alarms raised or cleared
     * @param backOnline the sensor's return, if it was offline
     * @param firstSeen whether the gateway had not known the sensor before
     */
    record Outcome(SensorProfile profile, List<Reading> readings, List<AlarmChange> changes, Optional<OfflineTracker.Change> backOnline,
                   boolean firstSeen) {}

    private final Normaliser normaliser = new Normaliser();
    private final ThresholdTracker thresholds;
    private final OfflineTracker presence;
    private final Duration defaultPeriod;
    private final String gatewaySite;
    private final Map<String, SensorProfile> configured = new TreeMap<>();
    private final Map<String, Entry> sensors = new TreeMap<>();

    SensorBook(List<AlarmRule> rules, int missedReports, Duration defaultPeriod, String gatewaySite) {
        this.thresholds = new ThresholdTracker(rules);
        this.presence = new OfflineTracker(missedReports);
        this.defaultPeriod = defaultPeriod;
        this.gatewaySite = gatewaySite;
    }

    synchronized Outcome accept(String sensorId, List<RawValue> values, Instant now) throws InvalidReadingException {
        boolean firstSeen = !sensors.containsKey(sensorId) && !configured.containsKey(sensorId);
        SensorProfile profile = profileOf(sensorId);
        Entry entry = sensors.computeIfAbsent(sensorId, id -> new Entry());
        List<Reading> readings;
        try {
            readings = normaliser.normalise(sensorId, values, profile.applicationTypes(), now);
        } catch (InvalidReadingException e) {
            entry.refused++;
            entry.lastProblem = e.getMessage();
            throw e;
        }
        List<AlarmChange> changes = new ArrayList<>();
        for (Reading r : readings) {
            changes.addAll(thresholds.evaluate(r));
            Reading previous = entry.latest.get(r.ipsoName());
            if (previous == null || !r.time().isBefore(previous.time())) {
                entry.latest.put(r.ipsoName(), r);
            }
        }
        entry.accepted++;
        entry.lastProblem = "";
        return new Outcome(profile, readings, changes, presence.seen(sensorId, profile.reportPeriod(), now), firstSeen);
    }

    synchronized List<OfflineTracker.Change> check(Instant now) {
        return presence.check(now);
    }

    synchronized void configure(SensorProfile profile, Instant now) {
        SensorProfile withSite = profile.site().isEmpty() ? new SensorProfile(profile.sensorId(), profile.description(), gatewaySite,
                profile.section(), profile.km(), profile.reportPeriod(), profile.applicationTypes()) : profile;
        configured.put(profile.sensorId(), withSite);
        presence.expect(profile.sensorId(), profile.reportPeriod(), now);
    }

    synchronized void unconfigure(String sensorId) {
        configured.remove(sensorId);
        if (!sensors.containsKey(sensorId)) {
            presence.forget(sensorId);
        }
    }

    synchronized SensorProfile profileOf(String sensorId) {
        SensorProfile profile = configured.get(sensorId);
        return profile != null ? profile : SensorProfile.unconfigured(sensorId, gatewaySite, defaultPeriod);
    }

    synchronized List<String> known() {
        List<String> ids = new ArrayList<>(configured.keySet());
        sensors.keySet().stream().filter(id -> !configured.containsKey(id)).forEach(ids::add);
        ids.sort(null);
        return ids;
    }

    synchronized Optional<SensorStatus> status(String sensorId, Function<String, List<String>> activeAlarms) {
        if (!configured.containsKey(sensorId) && !sensors.containsKey(sensorId)) {
            return Optional.empty();
        }
        SensorProfile p = profileOf(sensorId);
        Entry entry = sensors.getOrDefault(sensorId, new Entry());
        Optional<Instant> lastSeen = presence.lastSeen(sensorId);
        SensorStatus.Presence state = presence.isOffline(sensorId) ? SensorStatus.Presence.OFFLINE
                : lastSeen.isPresent() ? SensorStatus.Presence.ONLINE : SensorStatus.Presence.NEVER_SEEN;
        List<LatestValue> latest = entry.latest.values().stream()
                .map(r -> new LatestValue(r.ipsoName(), r.kind().id(), r.value(), r.kind().unit(), r.display(), r.time())).toList();
        return Optional.of(new SensorStatus(sensorId, p.description(), p.site(), p.section(), p.km(), state, lastSeen.orElse(null), latest,
                activeAlarms.apply(sensorId), entry.accepted, entry.refused, entry.lastProblem));
    }

    /** @return the device channels of a sensor: its presence, then each latest value */
    synchronized List<ChannelStatus> channels(String sensorId) {
        List<ChannelStatus> channels = new ArrayList<>();
        Optional<Instant> lastSeen = presence.lastSeen(sensorId);
        Entry entry = sensors.get(sensorId);
        String problem = entry == null || entry.lastProblem.isEmpty() ? "" : "last pack refused: " + entry.lastProblem;
        if (presence.isOffline(sensorId)) {
            channels.add(new ChannelStatus("presence", ChannelStatus.State.FAULT, "offline",
                    "no report since " + lastSeen.map(Instant::toString).orElse("start") + "; check the sensor's power and 5G link"));
        } else if (lastSeen.isEmpty()) {
            channels.add(new ChannelStatus("presence", ChannelStatus.State.UNKNOWN, "never seen", "waiting for its first report; is its key provisioned?"));
        } else {
            channels.add(new ChannelStatus("presence", problem.isEmpty() ? ChannelStatus.State.OK : ChannelStatus.State.DEGRADED, "online", problem));
        }
        if (entry != null) {
            entry.latest.values().forEach(r -> channels.add(new ChannelStatus(r.kind().id() + (r.instance() == 0 ? "" : "/" + r.instance()),
                    ChannelStatus.State.OK, r.display(), "")));
        }
        return channels;
    }

    private static final class Entry {
        final Map<String, Reading> latest = new TreeMap<>();
        long accepted;
        long refused;
        String lastProblem = "";
    }
}
