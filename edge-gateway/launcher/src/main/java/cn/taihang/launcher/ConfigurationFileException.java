package cn.taihang.launcher;

/** The gateway's configuration file cannot be used; the message names the file, the entry and the fix. */
public class ConfigurationFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public ConfigurationFileException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause the parser's exception
     */
    public ConfigurationFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
