package dev.revhooks.spring.boot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when any property under the prefix is set (so a vendor block with a forgotten secret is
 * configured, and then fails fast, instead of being silently left out).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
@Conditional(ConditionalOnVendorProperties.OnVendorPropertiesCondition.class)
@interface ConditionalOnVendorProperties {

    /**
     * The vendor's prefix.
     *
     * @return e.g. {@code revhooks.revont}
     */
    String value();

    /** Looks for any property below the prefix in every property source. */
    final class OnVendorPropertiesCondition extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnVendorProperties.class.getName());
            String prefix = String.valueOf(attributes == null ? null : attributes.get("value"));
            ConfigurationPropertyName name = ConfigurationPropertyName.of(prefix);
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
                if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                    return ConditionOutcome.match(prefix + ".* is set");
                }
            }
            return ConditionOutcome.noMatch("no " + prefix + ".* property is set");
        }
    }
}
