package dev.revhooks.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a failed startup's {@code revhooks.*} property as Spring Boot's "APPLICATION FAILED TO START" report. */
final class InvalidWebhookPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWebhookPropertyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidWebhookPropertyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix " + cause.property() + " in your configuration (application.yml, environment variables);"
                        + " every revhooks property is described in the revhooks-spring-boot-autoconfigure README.",
                cause);
    }
}
