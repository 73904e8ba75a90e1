package cn.taihang.wire;

/**
 * Size limits of the wire format, applied by every encoder and decoder.
 *
 * @param maxMessageBytes largest payload accepted, in bytes
 * @param maxRecordsPerBatch most records in one batch
 * @param maxBodyBytes largest record body
 * @param maxStringChars longest id, kind or SenML name
 * @param maxSenmlRecords most records in one SenML pack
 */
public record WireLimits(int maxMessageBytes, int maxRecordsPerBatch, int maxBodyBytes, int maxStringChars, int maxSenmlRecords) {

    /** The limits of version 1 of the format. */
    public static final WireLimits V1 = new WireLimits(1 << 20, 4096, 16 * 1024, 128, 512);

    /** Validates. @throws IllegalArgumentException on a non-positive limit */
    public WireLimits {
        if (maxMessageBytes <= 0 || maxRecordsPerBatch <= 0 || maxBodyBytes <= 0 || maxStringChars <= 0 || maxSenmlRecords <= 0) {
            throw new IllegalArgumentException("wire limits must be positive");
        }
    }
}
