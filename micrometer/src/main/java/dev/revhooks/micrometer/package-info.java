/**
 * Micrometer metrics and observations for revhooks: {@link dev.revhooks.micrometer.MicrometerWebhookObserver}
 * implements core's {@link dev.revhooks.core.observe.WebhookObserver}, so every receiver and the
 * servlet filter report to the app's {@code MeterRegistry} (and, optionally, its
 * {@code ObservationRegistry}).
 *
 * <pre>{@code
 * MicrometerWebhookObserver observer = MicrometerWebhookObserver.of(meterRegistry);
 * RevontWebhooks revont = RevontWebhooks.builder().secret(secret).observer(observer).build();
 * }</pre>
 *
 * <p>Micrometer is not brought by this module: the app brings {@code micrometer-core} (which
 * brings {@code micrometer-observation}) and its registry.
 */
package dev.revhooks.micrometer;
