package cn.taihang.simulator.sensors;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;

/**
 * Drives CoAP POSTs of a SenML pack from many client endpoints, each keeping a window of requests in
 * flight, for a fixed time; counts the 2.04 answers. Bounded in time and by the caller's endpoints only.
 */
final class CoapLoad {

    /** What a run achieved. */
    record Result(long changed, long other, long failed, Duration elapsed, double meanMillis) {
        double perSecond() {
            return changed / (elapsed.toNanos() / 1e9);
        }
    }

    static final byte[] PACK = ("[{\"bn\":\"3300/0/\",\"n\":\"5750\",\"vs\":\"visibility\"},{\"n\":\"5700\",\"u\":\"m\",\"v\":5000},"
            + "{\"n\":\"3303/0/5700\",\"u\":\"Cel\",\"v\":12.5}]").getBytes(StandardCharsets.UTF_8);

    private CoapLoad() {
    }

    /**
     * @param endpoints one per simulated sensor
     * @param uris the URI each endpoint posts to
     * @param window requests in flight per endpoint
     * @param duration how long to drive
     */
    static Result run(List<CoapEndpoint> endpoints, List<String> uris, int window, Duration duration) throws InterruptedException {
        AtomicLong changed = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong latencyNanos = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        CountDownLatch done = new CountDownLatch(endpoints.size() * window);
        List<Runnable> starters = new ArrayList<>();
        for (int i = 0; i < endpoints.size(); i++) {
            CoapEndpoint endpoint = endpoints.get(i);
            String uri = uris.get(i);
            for (int w = 0; w < window; w++) {
                starters.add(new Runnable() {
                    @Override
                    public void run() {
                        if (System.nanoTime() >= deadline) {
                            done.countDown();
                            return;
                        }
                        long sent = System.nanoTime();
                        Request request = Request.newPost();
                        request.setURI(uri);
                        request.setPayload(PACK);
                        request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_SENML_JSON);
                        Runnable next = this;
                        request.addMessageObserver(new MessageObserverAdapter() {
                            @Override
                            public void onResponse(Response response) {
                                if (System.nanoTime() <= deadline) {
                                    (response.getCode() == ResponseCode.CHANGED ? changed : other).incrementAndGet();
                                    latencyNanos.addAndGet(System.nanoTime() - sent);
                                }
                                endpoint.execute(next);
                            }

                            @Override
                            protected void failed() {
                                failed.incrementAndGet();
                                endpoint.execute(next);
                            }
                        });
                        endpoint.sendRequest(request);
                    }
                });
            }
        }
        starters.forEach(Runnable::run);
        done.await(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS);
        Duration elapsed = Duration.ofNanos(Math.min(System.nanoTime(), deadline) - start);
        long answered = changed.get() + other.get();
        return new Result(changed.get(), other.get(), failed.get(), elapsed, answered == 0 ? 0 : latencyNanos.get() / 1e6 / answered);
    }
}
