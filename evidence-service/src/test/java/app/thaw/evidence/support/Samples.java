package app.thaw.evidence.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of real formats, by their magic bytes. */
public final class Samples {

    private Samples() {}

    /** A PDF header followed by {@code size} bytes of seeded noise (distinct seeds give distinct content). */
    public static byte[] pdf(int size, long seed) {
        byte[] header = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[Math.max(size, header.length)];
        new Random(seed).nextBytes(body);
        System.arraycopy(header, 0, body, 0, header.length);
        return body;
    }

    public static byte[] png(long seed) {
        byte[] body = new byte[2048];
        new Random(seed).nextBytes(body);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(magic, 0, body, 0, magic.length);
        return body;
    }

    public static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] exe() {
        byte[] body = new byte[1024];
        body[0] = 'M';
        body[1] = 'Z';
        return body;
    }

    public static byte[] zip() {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("inner.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
