package cn.taihang.bridge.releases;

import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.release.ConfigPush;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An MQTT gateway (the bridge tests' {@link TestGateway}) that answers configuration pushes with the
 * {@value ConfigPush#REPORT_KIND} record a real gateway would send, following a script: the state and reason for a push.
 */
final class ScriptedConfigGateway implements AutoCloseable {

    final TestGateway mqtt;
    final List<ConfigPush> pushes = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final ExecutorService sender = Executors.newSingleThreadExecutor();
    private final SenmlCodec senml = new SenmlCodec();
    private volatile Function<ConfigPush, String[]> script;

    /** The script of a gateway that applies every push: {state, reason}. */
    static String[] applies(ConfigPush push) {
        return new String[] {ConfigPush.APPLIED, "-"};
    }

    ScriptedConfigGateway(String brokerUrl, Path identityDir, String site, String id, Function<ConfigPush, String[]> script) throws Exception {
        this.mqtt = new TestGateway(brokerUrl, identityDir);
        this.script = script;
        mqtt.watch(Topics.command(site, id, ConfigPush.COMMAND), (topic, payload) -> {
            ConfigPush push = ConfigPush.decode(new CommandCodec().decode(payload).command().body());
            pushes.add(push);
            String[] outcome = this.script.apply(push);
            report(push.version(), outcome[0], outcome[1], "cn.taihang.cloudlink");
        });
        mqtt.birth(1);
    }

    void script(Function<ConfigPush, String[]> next) {
        script = next;
    }

    /** Sends a report as the gateway would; the hash names the version, so a test can tell which configuration it runs. */
    void report(long version, String state, String reason, String pids) {
        byte[] body = senml.encodeCbor(List.of(SenmlRecord.number(ConfigPush.VERSION, null, version), SenmlRecord.text(ConfigPush.STATE, state),
                SenmlRecord.text(ConfigPush.REASON, reason), SenmlRecord.text(ConfigPush.MESSAGE, state + " by the script"),
                SenmlRecord.text(ConfigPush.HASH, hash(version, state)), SenmlRecord.text(ConfigPush.PIDS, pids)));
        RecordFrame frame = new RecordFrame(seq.incrementAndGet(), System.currentTimeMillis(), "gateway", ConfigPush.REPORT_KIND, 0, false, body);
        sender.execute(() -> {
            try {
                mqtt.send(List.of(frame));
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String hash(long version, String state) {
        return String.format("%064x", version * 1000 + state.length());
    }

    @Override
    public void close() throws Exception {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
        mqtt.close();
    }
}
