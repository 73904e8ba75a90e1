package cn.taihang.testkit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConfigsTest {

    enum Kind { BUS, SCENIC }

    @interface Sample {
        String device();

        int port() default 8443;

        long quota() default 1024L;

        double ratio() default 0.5;

        boolean on() default true;

        Kind kind() default Kind.BUS;

        int[] pins();

        String[] names() default {"a"};

        String _password() default "";
    }

    @Test
    void answersFromThePropertiesElseTheDefaultsElseAsDsDoes() {
        Sample s = Configs.of(Sample.class, "device", "gate-1", "port", "9443", "quota", 7, "kind", "SCENIC", ".password", "secret");
        assertThat(s.device()).isEqualTo("gate-1");
        assertThat(s.port()).isEqualTo(9443);
        assertThat(s.quota()).isEqualTo(7L);
        assertThat(s.ratio()).isEqualTo(0.5);
        assertThat(s.on()).isTrue();
        assertThat(s.kind()).isEqualTo(Kind.SCENIC);
        assertThat(s.pins()).isEmpty();
        assertThat(s.names()).containsExactly("a");
        assertThat(s._password()).isEqualTo("secret");
        assertThat(s.annotationType()).isEqualTo(Sample.class);
        Sample bare = Configs.of(Sample.class);
        assertThat(bare.device()).isNull();
    }

    @Test
    void coercesBetweenScalarsArraysAndCollections() {
        Sample s = Configs.of(Sample.class, "pins", 17, "names", List.of("x", "y"), "port", new int[] {80, 81}, "ratio", "1e3", "on", "false");
        assertThat(s.pins()).containsExactly(17);
        assertThat(s.names()).containsExactly("x", "y");
        assertThat(s.port()).isEqualTo(80);
        assertThat(s.ratio()).isEqualTo(1000.0);
        assertThat(s.on()).isFalse();
        assertThat(Configs.of(Sample.class, "pins", List.of(1L, "2")).pins()).containsExactly(1, 2);
    }

    @Test
    void anUnknownEnumNameFailsWhenRead() {
        Sample s = Configs.of(Sample.class, "kind", "FERRY");
        assertThatThrownBy(s::kind).isInstanceOf(IllegalArgumentException.class);
    }
}
