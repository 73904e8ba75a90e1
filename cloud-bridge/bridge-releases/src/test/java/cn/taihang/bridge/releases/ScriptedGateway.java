package cn.taihang.bridge.releases;

import cn.taihang.bridge.testing.TestGateway;
import cn.taihang.release.UpdateOrder;
import cn.taihang.release.UpdateStep;
import cn.taihang.wire.CommandCodec;
import cn.taihang.wire.RecordFrame;
import cn.taihang.wire.SenmlCodec;
import cn.taihang.wire.SenmlRecord;
import cn.taihang.wire.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An MQTT gateway (the bridge tests' {@link TestGateway}) that answers update orders with the steps a real updater would
 * report, as {@code update.step} records, following a script: which steps to report for an order.
 */
final class ScriptedGateway implements AutoCloseable {

    final TestGateway mqtt;
    final List<UpdateOrder> orders = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();
    private final java.util.concurrent.ExecutorService sender = java.util.concurrent.Executors.newSingleThreadExecutor();
    private final SenmlCodec senml = new SenmlCodec();
    private volatile Function<UpdateOrder, List<String[]>> script;

    /** The steps of a good update: {step, reason}. */
    static List<String[]> commits(UpdateOrder order) {
        return List.of(new String[] {"accepted", ""}, new String[] {"downloaded", ""}, new String[] {"staged", ""}, new String[] {"switching", ""},
                new String[] {"trying", ""}, new String[] {"committed", ""});
    }

    ScriptedGateway(String brokerUrl, Path identityDir, String site, String id, Function<UpdateOrder, List<String[]>> script) throws Exception {
        this.mqtt = new TestGateway(brokerUrl, identityDir);
        this.script = script;
        mqtt.birth(1);
        mqtt.watch(Topics.command(site, id, UpdateOrder.COMMAND), (topic, payload) -> {
            UpdateOrder order = UpdateOrder.decode(new CommandCodec().decode(payload).command().body());
            orders.add(order);
            if (order.action() == UpdateOrder.Action.INSTALL) {
                List<RecordFrame> frames = new ArrayList<>();
                for (String[] step : this.script.apply(order)) {
                    frames.add(step(order, step[0], step[1]));
                }
                sender.execute(() -> {
                    try {
                        mqtt.send(frames);
                    } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        });
    }

    void script(Function<UpdateOrder, List<String[]>> next) {
        script = next;
    }

    private RecordFrame step(UpdateOrder order, String step, String reason) {
        byte[] body = senml.encodeCbor(List.of(SenmlRecord.number(UpdateStep.ROLLOUT, null, order.rollout()),
                SenmlRecord.number(UpdateStep.ATTEMPT, null, order.attempt()), SenmlRecord.text(UpdateStep.RELEASE, order.release()),
                SenmlRecord.text(UpdateStep.STEP, step), SenmlRecord.text(UpdateStep.REASON, reason.isEmpty() ? "-" : reason),
                SenmlRecord.text(UpdateStep.MESSAGE, step + " by the script"), SenmlRecord.number(UpdateStep.BYTES, "By", step.equals("downloaded") ? 4096 : 0)));
        return new RecordFrame(seq.incrementAndGet(), System.currentTimeMillis(), "gateway", UpdateOrder.STEP_KIND, 0, false, body);
    }

    @Override
    public void close() throws Exception {
        sender.shutdown();
        sender.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        mqtt.close();
    }
}
