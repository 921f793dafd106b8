package org.reach.linkage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.reach.platform.StoredFiles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The programme secret the encodings are keyed with: {@code reach.linkage.secret} (base64, at least 32 bytes) when
 * configured, otherwise 32 random bytes generated on first start and kept in {@code linkage/secret} under the files
 * directory (readable by the owner only). Without it the encodings cannot be rebuilt or attacked by trying names; it
 * is never exported, logged, shown or answered, and {@link #toString()} redacts it. Changing it means encoding
 * everyone again (see docs/linkage.md).
 */
@Component
class LinkageSecret {

    private final byte[] key;

    LinkageSecret(@Value("${reach.linkage.secret:}") String configured, StoredFiles files) {
        this.key = configured.isBlank() ? stored(files.directory("linkage").resolve("secret")) : decode(configured);
    }

    BloomEncoder encoder() {
        return new BloomEncoder(key);
    }

    private static byte[] decode(String configured) {
        byte[] bytes = Base64.getDecoder().decode(configured.strip());
        if (bytes.length < 32) {
            throw new IllegalStateException("reach.linkage.secret must be at least 32 bytes, base64");
        }
        return bytes;
    }

    private static byte[] stored(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions: the files directory's own protection applies
                }
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the linkage secret under reach.files.dir", e);
        }
    }

    @Override
    public String toString() {
        return "LinkageSecret[redacted]";
    }
}
