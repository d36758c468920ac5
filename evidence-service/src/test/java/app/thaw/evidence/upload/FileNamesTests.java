package app.thaw.evidence.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTests {

    @Test
    void keepsOnlyTheLastPathSegment() {
        assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\fakepath\\scan.pdf")).isEqualTo("scan.pdf");
    }

    @Test
    void replacesControlAndFormatCharactersAndQuotes() {
        assertThat(FileNames.sanitise("a\u0000b\nc\u202Ed\"e.pdf")).isEqualTo("a_b_c_d_e.pdf");
    }

    @Test
    void dropsLeadingDotsAndFallsBackWhenNothingIsLeft() {
        assertThat(FileNames.sanitise(".hidden")).isEqualTo("hidden");
        assertThat(FileNames.sanitise("../")).isEqualTo(FileNames.FALLBACK);
        assertThat(FileNames.sanitise(null)).isEqualTo(FileNames.FALLBACK);
    }

    @Test
    void shortensLongNamesKeepingTheExtension() {
        String name = FileNames.sanitise("营业执照".repeat(100) + ".pdf");
        assertThat(name.codePointCount(0, name.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(name).endsWith(".pdf").startsWith("营业执照");
    }
}
