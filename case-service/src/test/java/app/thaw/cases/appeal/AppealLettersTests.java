package app.thaw.cases.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;


import app.thaw.cases.playbook.DefaultPlaybooks;
import app.thaw.cases.playbook.ScriptRenderer;
import org.junit.jupiter.api.Test;

class AppealLettersTests {

    @Test
    void aChinesePdfWithoutAnyCjkFontIsRefusedRatherThanPrintedAsBoxes() {
        AppealLetters letters = new AppealLetters(new ScriptRenderer(DefaultPlaybooks.load().restrictedNotice()), List.of("/nonexistent/font.ttc"));

        assertThatThrownBy(() -> letters.pdf("<html><body><p>账户</p></body></html>", true)).isInstanceOf(AppealLetters.NoCjkFont.class)
                .hasMessageContaining("fonts-wqy-microhei");
        assertThat(letters.pdf("<html><body><p>Account</p></body></html>", false)).startsWith("%PDF".getBytes());
    }
}
