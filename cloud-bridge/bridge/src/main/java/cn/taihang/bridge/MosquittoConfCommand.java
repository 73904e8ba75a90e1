package cn.taihang.bridge;

import cn.taihang.bridge.broker.MosquittoConf;
import cn.taihang.identity.IdentityFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code taihang-bridge mosquitto-conf --identity /etc/mosquitto/identity --bridge bridge-1 --out /etc/mosquitto/conf.d}:
 * writes a {@code mosquitto.conf} and its ACL file for an external mosquitto locked down as the embedded broker is (TLS
 * with client certificates of the city CA and its CRL, {@code use_identity_as_username}, {@code %u} patterns for the
 * gateways, the named bridge instances alone reading what gateways send). Exit codes: 0 written, 1 cannot write,
 * 2 bad options.
 */
@Command(name = "mosquitto-conf", mixinStandardHelpOptions = true,
        description = "Write mosquitto.conf and its ACL file for an external mosquitto 2.x locked down as the embedded broker is.")
final class MosquittoConfCommand implements Callable<Integer> {

    @Option(names = "--identity", required = true, paramLabel = "DIR",
            description = "the broker's identity directory (pki enrol-broker): key.pem, cert.pem, ca.pem, crl.pem")
    Path identityDir;

    @Option(names = "--bridge", required = true, paramLabel = "ID", description = "a bridge instance id that may read what gateways send (repeatable)")
    List<String> bridges;

    @Option(names = "--port", defaultValue = "8883", description = "the TLS port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", defaultValue = "0.0.0.0", description = "the address to listen on (default ${DEFAULT-VALUE})")
    String bindAddress;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where to write " + MosquittoConf.CONF + " and " + MosquittoConf.ACL)
    Path out;

    @Override
    public Integer call() {
        Path written;
        try {
            written = new MosquittoConf(bindAddress, port, IdentityFiles.in(identityDir), bridges, List.of()).writeTo(out);
        } catch (IllegalArgumentException e) {
            System.err.println("配置错误 Bad option: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("无法写入 Cannot write " + out + ": " + e.getMessage());
            return 1;
        }
        System.out.println("wrote " + written + " and " + written.resolveSibling(MosquittoConf.ACL) + "; run: mosquitto -c " + written);
        return 0;
    }
}
