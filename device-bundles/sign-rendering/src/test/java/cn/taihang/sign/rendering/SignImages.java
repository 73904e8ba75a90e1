package cn.taihang.sign.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what tests rendered to {@code target/sign-images/}, so people can look at them. */
public final class SignImages {

    public static final Path DIR = Path.of("target", "sign-images");

    private SignImages() {
    }

    /** @return the file written */
    public static Path write(String name, Bitmap image) {
        try {
            Files.createDirectories(DIR);
            return Files.write(DIR.resolve(name + ".png"), new PngEncoder().encode(image));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
