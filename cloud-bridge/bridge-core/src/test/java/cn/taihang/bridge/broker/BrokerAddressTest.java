package cn.taihang.bridge.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BrokerAddressTest {

    @Test
    void parsesTcpAndTlsUrls() {
        assertThat(BrokerAddress.parse("tcp://broker.example:1884")).isEqualTo(new BrokerAddress("broker.example", 1884, false));
        assertThat(BrokerAddress.parse("tcp://10.0.0.5")).isEqualTo(new BrokerAddress("10.0.0.5", 1883, false));
        assertThat(BrokerAddress.parse("ssl://emqx.jincheng.example")).isEqualTo(new BrokerAddress("emqx.jincheng.example", 8883, true));
        assertThat(BrokerAddress.parse("mqtts://h:9000").tls()).isTrue();
        assertThat(BrokerAddress.parse(" tcp://127.0.0.1:1883/ ").url()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(BrokerAddress.parse("tcp://[::1]:1883").url()).isEqualTo("tcp://[::1]:1883");
    }

    @Test
    void refusesWhatIsNotABrokerUrlSayingWhatIsExpected() {
        for (String bad : new String[] {"", "broker:1883", "http://broker:1883", "tcp://", "tcp://h:0", "tcp://h:70000", "tcp://h:1883/path", "tcp://h h:1"}) {
            assertThatThrownBy(() -> BrokerAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://");
        }
    }
}
