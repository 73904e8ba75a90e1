package cn.taihang.cloudlink.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Paho's callbacks, which arrive on Paho's threads, handed as tasks to the uplink's single thread. */
final class LoopCallbacks {

    private static final Logger LOG = LoggerFactory.getLogger(LoopCallbacks.class);

    private final Executor loop;

    LoopCallbacks(Executor loop) {
        this.loop = loop;
    }

    /** Runs the task on the uplink's thread; dropped once the uplink stopped. */
    void run(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("Uplink stopped; event dropped");
        }
    }

    IMqttActionListener listener(Runnable onSuccess, Consumer<Throwable> onFailure) {
        return new IMqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                run(onSuccess);
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                run(() -> onFailure.accept(error));
            }
        };
    }

    MqttCallback connection(Consumer<Throwable> lost, BiConsumer<String, byte[]> arrived) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                run(() -> lost.accept(cause));
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                run(() -> arrived.accept(topic, payload));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // per-publish listeners track completion
            }
        };
    }
}
