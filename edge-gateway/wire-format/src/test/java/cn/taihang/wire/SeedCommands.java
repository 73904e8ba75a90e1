package cn.taihang.wire;

import cn.taihang.wire.sign.SigningKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/** Writes the fuzz seeds of {@link CommandDecoderFuzzTest}: {@code java … SeedCommands <dir>}. */
final class SeedCommands {

    static final long NOW = 1_750_000_000_000L;

    private SeedCommands() {
    }

    static SigningKey key() {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(1);
            return SigningKey.generate(1, random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        CommandCodec codec = new CommandCodec();
        byte[] fleet = codec.encode(Command.of(NOW * 1000, "ticket-keyring", Command.FLEET, NOW, 0, new byte[] {(byte) 0x83, 1, 9, (byte) 0x80}), key());
        Files.write(dir.resolve("signed-fleet"), fleet);
        Files.write(dir.resolve("sealed-gateway"), codec.encode(new Command(2, NOW * 1000 + 1, "sensor-keys", "gw-1", NOW, NOW + 60_000, true,
                new byte[64]), key()));
        Files.write(dir.resolve("version-1"), codec.encodeVersion1(new Command(1, 5, "ticket-deny-list", null, NOW, 0, false, new byte[3])));
        Files.write(dir.resolve("truncated"), Arrays.copyOf(fleet, fleet.length / 2));
        byte[] flipped = fleet.clone();
        flipped[20] ^= 0x10;
        Files.write(dir.resolve("flipped-bit"), flipped);
    }
}
