package cn.taihang.remoteconfig.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class TrialJournalTest {

    @TempDir
    Path dir;

    @Test
    void thePreviousValuesComeBackWithTheirTypesUntilTheTrialEnds() throws Exception {
        TrialJournal journal = new TrialJournal(new AtomicFile(dir.resolve("trial.json")));
        assertThat(journal.pending()).isEmpty();
        Map<String, Map<String, Object>> previous = new HashMap<>();
        previous.put("cn.taihang.cloudlink", Map.of("keepAliveSeconds", 30, "backoff", 500L, "ratio", 0.5, "on", true, "url", "ssl://b:8883",
                "hosts", new String[] {"a", "b"}, "pins", new int[] {17, 27}, "names", List.of("x", "y")));
        previous.put("cn.taihang.counter.lane~l9", null);
        journal.begin(new TrialJournal.Entry(7, previous));

        TrialJournal.Entry back = new TrialJournal(new AtomicFile(dir.resolve("trial.json"))).pending().orElseThrow();
        assertThat(back.version()).isEqualTo(7);
        assertThat(back.previous()).containsKey("cn.taihang.counter.lane~l9").containsEntry("cn.taihang.counter.lane~l9", null);
        Map<String, Object> link = back.previous().get("cn.taihang.cloudlink");
        assertThat(link).containsEntry("keepAliveSeconds", 30).containsEntry("backoff", 500L).containsEntry("ratio", 0.5).containsEntry("on", true)
                .containsEntry("url", "ssl://b:8883").containsEntry("names", List.of("x", "y"));
        assertThat(link.get("hosts")).isEqualTo(new String[] {"a", "b"});
        assertThat(link.get("pins")).as("a primitive array comes back boxed").isEqualTo(new Integer[] {17, 27});

        journal.end();
        assertThat(journal.pending()).isEmpty();
    }
}
