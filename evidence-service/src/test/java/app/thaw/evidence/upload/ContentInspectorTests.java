package app.thaw.evidence.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import app.thaw.evidence.support.Samples;
import org.junit.jupiter.api.Test;

class ContentInspectorTests {

    private final ContentInspector inspector = new ContentInspector();

    @Test
    void anOfficeDocumentIsStoredUnderItsSpecificType() throws IOException {
        String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        assertThat(inspector.inspect(ooxml(), "contract.docx", docx)).isEqualTo(docx);
        assertThat(inspector.inspect(ooxml(), "contract.docx", null)).isEqualTo(docx);
    }

    @Test
    void aPlainZipNamedAsADocumentIsStillAnArchive() {
        assertThatThrownBy(() -> inspector.inspect(Samples.zip(), "contract.docx", null))
                .isInstanceOf(EvidenceTypeNotAllowed.class)
                .hasMessageContaining("application/zip");
    }

    @Test
    void csvAndJsonChatExportsPassAsText() {
        byte[] text = "time,from,text\n10:02,buyer,received\n".getBytes(StandardCharsets.UTF_8);
        assertThat(inspector.inspect(text, "chat.csv", "text/csv")).isEqualTo("text/csv");
        assertThat(inspector.inspect(
                        "[{\"from\":\"buyer\"}]".getBytes(StandardCharsets.UTF_8), "chat.json", "application/json"))
                .isEqualTo("application/json");
    }

    @Test
    void anSvgIsRefusedBecauseItCanCarryScript() {
        assertThatThrownBy(() -> inspector.inspect(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes(StandardCharsets.UTF_8),
                        "x.svg",
                        "image/svg+xml"))
                .isInstanceOf(EvidenceTypeNotAllowed.class);
    }

    @Test
    void anOctetStreamLabelDefersToTheContent() {
        assertThat(inspector.inspect(Samples.pdf(100, 1), "scan", "application/octet-stream"))
                .isEqualTo("application/pdf");
    }

    /** A minimal OOXML container: [Content_Types].xml first, as Office writes it. */
    private static byte[] ooxml() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
                    .getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
