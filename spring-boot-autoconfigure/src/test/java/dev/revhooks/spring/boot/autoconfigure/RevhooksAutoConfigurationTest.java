package dev.revhooks.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revhooks.core.DeliveryKey;
import dev.revhooks.core.replay.ClaimToken;
import dev.revhooks.core.replay.InMemoryReplayGuard;
import dev.revhooks.core.replay.ReplayGuard;
import dev.revhooks.revont.RevontEvent;
import dev.revhooks.revring.PreCallAnswer;
import dev.revhooks.revring.RevRingEvent;
import dev.revhooks.jdbc.JdbcReplayGuard;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/** Conditions and fail-fast messages, without a server. */
class RevhooksAutoConfigurationTest {

    private static final String REVONT_VALUE = "whsec_a_value_that_must_not_leak";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RevhooksAutoConfiguration.class));

    private final WebApplicationContextRunner revont = runner.withPropertyValues(
            "revhooks.revont.path=/hooks/revont", "revhooks.revont.secret=" + REVONT_VALUE);

    @Test
    void withoutPropertiesNoEndpointAndTheFilterIsDisabled() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(VendorEndpoints.class).doesNotHaveBean(ReplayGuard.class);
            assertThat(context.getBean("revhooksWebhookFilter", FilterRegistrationBean.class).isEnabled()).isFalse();
        });
    }

    @Test
    void aConfiguredVendorGetsItsPathMapped() {
        revont.run(context -> {
            assertThat(context).hasSingleBean(VendorEndpoints.class);
            FilterRegistrationBean<?> filter = context.getBean("revhooksWebhookFilter", FilterRegistrationBean.class);
            assertThat(filter.isEnabled()).isTrue();
            assertThat(filter.getUrlPatterns()).containsExactly("/hooks/revont");
            assertThat(filter.getOrder()).isLessThan(-100);
        });
    }

    @Test
    void aRevDeskPathTokenEndpointIsMappedBelowItsPath() {
        runner.withPropertyValues("revhooks.revdesk.endpoints[0].event-type=call_busy",
                "revhooks.revdesk.endpoints[0].path=/hooks/busy",
                "revhooks.revdesk.endpoints[0].accept-unauthenticated-unsigned-events=true",
                "revhooks.revdesk.endpoints[0].path-token=tok_abcdefabcdef").run(context ->
                assertThat(context.getBean("revhooksWebhookFilter", FilterRegistrationBean.class).getUrlPatterns())
                        .containsExactly("/hooks/busy/*"));
    }

    @Test
    void aVendorWhoseModuleIsMissingIsLeftOut() {
        revont.withClassLoader(new FilteredClassLoader("dev.revhooks.revont"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(VendorEndpoints.class));
    }

    @Test
    void notAServletWebApplicationConfiguresNothing() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RevhooksAutoConfiguration.class))
                .withPropertyValues("revhooks.revont.path=/hooks/revont", "revhooks.revont.secret=" + REVONT_VALUE)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(VendorEndpoints.class));
    }

    @Test
    void theMemoryReplayGuardOnRequestAndTheAppsOwnGuardFirst() {
        revont.withPropertyValues("revhooks.replay-guard.type=memory")
                .run(context -> assertThat(context).hasSingleBean(InMemoryReplayGuard.class));
        revont.withPropertyValues("revhooks.replay-guard.type=memory")
                .withUserConfiguration(OwnGuard.class)
                .run(context -> assertThat(context).hasSingleBean(ReplayGuard.class)
                        .doesNotHaveBean(InMemoryReplayGuard.class));
        revont.run(context -> assertThat(context).doesNotHaveBean(ReplayGuard.class));
    }

    @Test
    void theJdbcReplayGuardOnTheAppsDataSource() {
        revont.withPropertyValues("revhooks.replay-guard.type=jdbc", "revhooks.replay-guard.jdbc.create-table-if-missing=true",
                        "revhooks.replay-guard.jdbc.table=hooks_seen")
                .withUserConfiguration(H2.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(JdbcReplayGuard.class);
                    assertThat(context.getBean(JdbcReplayGuard.class).table().toString()).contains("hooks_seen");
                });
    }

    @Test
    void aSharedStoreWithoutItsConnectionBeanFails() {
        revont.withPropertyValues("revhooks.replay-guard.type=jdbc").run(context ->
                assertPropertyFailure(context.getStartupFailure(), "revhooks.replay-guard.type", "no single DataSource bean"));
        revont.withPropertyValues("revhooks.replay-guard.type=redis").run(context ->
                assertPropertyFailure(context.getStartupFailure(), "revhooks.replay-guard.type", "no single io.lettuce.core.RedisClient bean"));
    }

    @Test
    void aSharedStoreWhoseModuleIsMissingFails() {
        revont.withPropertyValues("revhooks.replay-guard.type=jdbc")
                .withClassLoader(new FilteredClassLoader("dev.revhooks.jdbc"))
                .withUserConfiguration(H2.class)
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.replay-guard.type",
                        "put revhooks-jdbc on the classpath"));
    }

    @Test
    void missingSecretFailsNamingTheProperty() {
        runner.withPropertyValues("revhooks.revont.path=/hooks/revont")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revont.secret", "is missing"));
    }

    @Test
    void startupReportsTheFailureAsSpringBootsAnalysis() {
        runner.withPropertyValues("revhooks.revont.path=/hooks/revont").run(context -> {
            FailureAnalysis analysis = new InvalidWebhookPropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("revhooks.revont.secret").contains("is missing");
            assertThat(analysis.getAction()).startsWith("Fix revhooks.revont.secret");
        });
    }

    @Test
    void blankSecretFailsNamingThePropertyNotTheValue() {
        runner.withPropertyValues("revhooks.revrag.path=/hooks/revrag", "revhooks.revrag.secrets[0].id=current",
                        "revhooks.revrag.secrets[0].value=   ")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revrag.secrets[0].value", "is blank"));
    }

    @Test
    void paddedSecretFailsNamingThePropertyNotTheValue() {
        // As YAML keeps a quoted " value\n" (property-value helpers would trim it).
        runner.withPropertyValues("revhooks.revring.path=/hooks/revring")
                .withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new MapPropertySource("padded", Map.of("revhooks.revring.api-key", REVONT_VALUE + "\n"))))
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertPropertyFailure(failure, "revhooks.revring.api-key", "white space");
                    assertThat(stackText(failure)).doesNotContain(REVONT_VALUE);
                });
    }

    @Test
    void bothSecretAndSecretsFail() {
        revont.withPropertyValues("revhooks.revont.secrets[0].value=other")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revont.secret", "both set"));
    }

    @Test
    void twoSecretsWithOneIdFail() {
        runner.withPropertyValues("revhooks.revont.path=/hooks/revont",
                        "revhooks.revont.secrets[0].id=current", "revhooks.revont.secrets[0].value=" + REVONT_VALUE,
                        "revhooks.revont.secrets[1].id=current", "revhooks.revont.secrets[1].value=other-value")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revont.secrets", "share the id"));
    }

    @Test
    void limitsOutOfRangeFail() {
        revont.withPropertyValues("revhooks.header-limit=0B")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.header-limit", "between"));
    }

    @Test
    void missingOrMalformedPathFails() {
        runner.withPropertyValues("revhooks.revont.secret=" + REVONT_VALUE)
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revont.path", "is missing"));
        runner.withPropertyValues("revhooks.revont.secret=" + REVONT_VALUE, "revhooks.revont.path=/hooks/*")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revont.path", "not a plain path"));
    }

    @Test
    void unknownRevDeskEventTypeFails() {
        runner.withPropertyValues("revhooks.revdesk.secret=desk-secret",
                        "revhooks.revdesk.endpoints[0].event-type=number.bought",
                        "revhooks.revdesk.endpoints[0].path=/hooks/numbers")
                .run(context -> assertPropertyFailure(context.getStartupFailure(),
                        "revhooks.revdesk.endpoints[0].event-type", "names no RevDesk event type"));
    }

    @Test
    void invalidCidrFails() {
        runner.withPropertyValues("revhooks.revdesk.endpoints[0].event-type=call_busy",
                        "revhooks.revdesk.endpoints[0].path=/hooks/busy",
                        "revhooks.revdesk.endpoints[0].accept-unauthenticated-unsigned-events=true",
                        "revhooks.revdesk.endpoints[0].allowed-sources[0]=10.0.0.0/8",
                        "revhooks.revdesk.endpoints[0].allowed-sources[1]=10.0.0.0/33")
                .run(context -> assertPropertyFailure(context.getStartupFailure(),
                        "revhooks.revdesk.endpoints[0].allowed-sources[1]", "not a CIDR range"));
    }

    @Test
    void signedRevDeskEndpointWithoutSecretFails() {
        runner.withPropertyValues("revhooks.revdesk.endpoints[0].event-type=number_purchased",
                        "revhooks.revdesk.endpoints[0].path=/hooks/numbers")
                .run(context -> assertPropertyFailure(context.getStartupFailure(), "revhooks.revdesk.secret", "is missing"));
    }

    @Test
    void twoVendorsOnOnePathFail() {
        revont.withPropertyValues("revhooks.revring.path=/hooks/revont", "revhooks.revring.api-key=ring-key")
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure).isNotNull();
                    InvalidWebhookPropertyException cause = rootCause(failure);
                    assertThat(cause.getMessage()).contains("revhooks.revont.path").contains("revhooks.revring.path")
                            .contains("same path");
                });
        runner.withPropertyValues("revhooks.revdesk.endpoints[0].event-type=call_busy",
                        "revhooks.revdesk.endpoints[0].path=/hooks",
                        "revhooks.revdesk.endpoints[0].accept-unauthenticated-unsigned-events=true",
                        "revhooks.revdesk.endpoints[0].path-token=tok_abcdefabcdef",
                        "revhooks.revont.path=/hooks/revont", "revhooks.revont.secret=" + REVONT_VALUE)
                .run(context -> assertThat(rootCause(context.getStartupFailure()).getMessage()).contains("same path"));
    }

    @Test
    void aListenerForAVendorNobodyConfiguredFailsNamingTheMethod() {
        runner.withUserConfiguration(RevontListener.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(stackText(context.getStartupFailure()))
                    .contains(BeanInitializationException.class.getName())
                    .contains("RevontListener.onSummary").contains("no configured webhook endpoint");
        });
        revont.withUserConfiguration(RevontListener.class).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aListenerReturningWhatItsVendorCannotAnswerWithFails() {
        revont.withUserConfiguration(AnsweringRevontListener.class).run(context ->
                assertThat(stackText(context.getStartupFailure())).contains("AnsweringRevontListener.onSummary")
                        .contains("cannot be answered with"));
        runner.withPropertyValues("revhooks.revring.path=/hooks/revring", "revhooks.revring.api-key=ring-key")
                .withUserConfiguration(PreCallListener.class)
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aListenerWithoutAnEventParameterFails() {
        revont.withUserConfiguration(NoEventListener.class).run(context ->
                assertThat(stackText(context.getStartupFailure())).contains("NoEventListener.onNothing")
                        .contains("takes no event parameter"));
    }

    private static void assertPropertyFailure(Throwable failure, String property, String problem) {
        assertThat(failure).as("startup failure").isNotNull();
        InvalidWebhookPropertyException cause = rootCause(failure);
        assertThat(cause.property()).isEqualTo(property);
        assertThat(cause.getMessage()).contains(property).contains(problem).doesNotContain(REVONT_VALUE);
        assertThat(stackText(failure)).doesNotContain(REVONT_VALUE);
    }

    private static InvalidWebhookPropertyException rootCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidWebhookPropertyException invalid) {
                return invalid;
            }
        }
        throw new AssertionError("no InvalidWebhookPropertyException in " + failure);
    }

    private static String stackText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    /** An H2 database in memory, one per context. */
    @Configuration(proxyBeanMethods = false)
    static class H2 {
        @Bean
        DataSource dataSource() {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:revhooks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            return dataSource;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnGuard {
        @Bean
        ReplayGuard ownGuard() {
            return new ReplayGuard() {
                @Override
                public ClaimResult claim(DeliveryKey key) {
                    return ClaimResult.claimed(ClaimToken.random());
                }

                @Override
                public boolean complete(DeliveryKey key, ClaimToken token) {
                    return true;
                }

                @Override
                public boolean release(DeliveryKey key, ClaimToken token) {
                    return true;
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RevontListener {
        @WebhookListener
        void onSummary(RevontEvent.SummaryReady summary) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AnsweringRevontListener {
        @WebhookListener
        List<String> onSummary(RevontEvent.SummaryReady summary) {
            return List.of();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PreCallListener {
        @WebhookListener
        PreCallAnswer onPreCall(RevRingEvent.PreCall preCall) {
            return PreCallAnswer.empty();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoEventListener {
        @WebhookListener
        void onNothing() {
        }
    }
}
