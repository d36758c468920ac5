package app.thaw.cases.appeal.internal;

import app.thaw.cases.appeal.AppealLetterService;
import app.thaw.cases.appeal.AppealLetters;
import app.thaw.cases.casework.CaseService;
import app.thaw.cases.playbook.Playbooks;
import app.thaw.cases.playbook.ScriptRenderer;
import app.thaw.cases.tenant.CaseProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Appeal letters, set in the fonts the service is given (or the shipped Noto Sans SC). */
@Configuration(proxyBeanMethods = false)
class AppealConfiguration {

    @Bean
    AppealLetters appealLetters(ScriptRenderer renderer, CaseProperties properties) {
        return new AppealLetters(renderer, properties.cjkFonts());
    }

    @Bean
    AppealLetterService appealLetterService(CaseService cases, Playbooks playbooks, AppealLetters letters) {
        return new AppealLetterService(cases, playbooks, letters);
    }
}
