package cn.taihang.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The CoAP server for 5G sensors (PID {@value #PID}). The defaults here are the only defaults. */
@ObjectClassDefinition(id = CoapServerConfig.PID, name = "CoAP 传感器服务 / CoAP sensor server",
        description = "CoAP over DTLS (pre-shared key per sensor) for 5G roadside sensors posting SenML; plain CoAP only for a lab.")
public @interface CoapServerConfig {

    /** The configuration PID. */
    String PID = "cn.taihang.coap";

    @AttributeDefinition(name = "Bind address / 绑定地址", description = "Address the server listens on; 0.0.0.0 = every interface")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "CoAPS port / DTLS 端口", min = "0", max = "65535",
            description = "UDP port of CoAP over DTLS (5684 is the IANA port); 0 = any free port (tests)")
    int securePort() default 5684;

    @AttributeDefinition(name = "Plain CoAP port (lab only) / 明文端口（仅实验室）", min = "-1", max = "65535",
            description = "UDP port of plain, unauthenticated CoAP, where a sensor names itself with ?sensor=<id>; "
                    + "-1 = off. Never enable it on a roadside gateway.")
    int plainPort() default -1;

    @AttributeDefinition(name = "Max payload (bytes) / 最大负载", min = "64", max = "1048576",
            description = "Largest SenML body accepted, also after block-wise reassembly; larger is answered 4.13")
    int maxPayloadBytes() default 16384;

    @AttributeDefinition(name = "Requests per minute per sensor / 每传感器每分钟请求数", min = "1",
            description = "Sustained rate a sensor may post at; above it the server answers 4.29 with Max-Age")
    int requestsPerMinute() default 120;

    @AttributeDefinition(name = "Burst per sensor / 突发", min = "1", description = "Requests a sensor may send at once before the rate applies")
    int burst() default 20;

    @AttributeDefinition(name = "Max pending stores / 最大待存储", min = "1",
            description = "Messages waiting for the store at once; above it the server answers 5.03 with Max-Age")
    int maxPending() default 512;

    @AttributeDefinition(name = "DTLS cipher suites / DTLS 加密套件",
            description = "PSK cipher suites offered; the default is RFC 7925's mandatory suite, which every tested client speaks")
    String[] cipherSuites() default {"TLS_PSK_WITH_AES_128_CCM_8"};

    @AttributeDefinition(name = "Sealing secret file / 密钥封装文件", required = false,
            description = "File with the gateway secret that seals the stored sensor keys (32+ random bytes, readable by the "
                    + "gateway only). Empty: <data dir>/secrets/sealing.key, created on first use. Put it on another medium "
                    + "than the data directory in production.")
    String sealingSecretFile() default "";

    @AttributeDefinition(name = "Protocol threads / 协议线程", min = "1", max = "16",
            description = "Threads decoding and answering requests")
    int protocolThreads() default 2;
}
