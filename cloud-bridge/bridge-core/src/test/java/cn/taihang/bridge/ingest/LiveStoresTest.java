package cn.taihang.bridge.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class LiveStoresTest {

    private static final long WINDOW = 60_000;
    private final LiveStores live = new LiveStores(WINDOW);

    @Test
    void aRestartMovesToANewRunAndIsNoInterleaving() {
        assertThat(live.heard("gw-1", 11, 7, 0)).isEmpty();
        assertThat(live.heard("gw-1", 11, 7, 1_000)).isEmpty();
        assertThat(live.heard("gw-1", 12, 7, 2_000)).as("restarted").isEmpty();
        assertThat(live.heard("gw-1", 12, 7, 3_000)).isEmpty();
        assertThat(live.heard("gw-1", 13, 9, 4_000)).as("re-flashed: another incarnation, the old run silent").isEmpty();
    }

    @Test
    void twoRunsInterleavingAreTwoLiveStores() {
        live.heard("gw-1", 11, 7, 0);
        live.heard("gw-1", 22, 7, 1_000);
        LiveStores.Interleaving found = live.heard("gw-1", 11, 7, 2_000).orElseThrow();
        assertThat(found.run()).isEqualTo(11);
        assertThat(found.other()).isEqualTo(22);
        assertThat(found.sameStoreFile()).as("a cloned card: same incarnation").isTrue();
        assertThat(live.heard("gw-1", 22, 7, 3_000)).as("and again the other way").isPresent();
    }

    @Test
    void storesOfDifferentIncarnationsAreTold() {
        live.heard("gw-1", 11, 7, 0);
        live.heard("gw-1", 22, 8, 1_000);
        assertThat(live.heard("gw-1", 11, 7, 2_000).orElseThrow().sameStoreFile()).isFalse();
    }

    @Test
    void aRunSilentLongerThanTheWindowIsNotLiveAnyMore() {
        live.heard("gw-1", 11, 7, 0);
        live.heard("gw-1", 22, 7, WINDOW);
        assertThat(live.heard("gw-1", 11, 7, WINDOW + 1)).isEmpty();
    }

    @Test
    void gatewaysAreApartAndVersionOneBatchesAreIgnored() {
        live.heard("gw-1", 11, 7, 0);
        live.heard("gw-2", 22, 7, 1);
        assertThat(live.heard("gw-1", 11, 7, 2)).isEmpty();
        assertThat(live.heard("gw-1", 0, 0, 3)).isEmpty();
        assertThat(live.heard("gw-1", 11, 7, 4)).isEmpty();
        assertThatThrownBy(() -> new LiveStores(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
