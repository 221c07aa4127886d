/**
 * Deliveries for an app's own tests: each vendor's sample payloads, signed with the app's test
 * secret by the vendor's public signer, ready for {@code TestRestTemplate}, {@code RestClient} or
 * {@code MockMvc}.
 *
 * <pre>{@code
 * SignedDelivery delivery = RevontTestDeliveries.summaryReady("/hooks/revont", Secret.of("whsec_test"));
 * restTemplate.exchange(delivery.toRequestEntity(baseUri), String.class);   // 204
 * }</pre>
 */
package dev.revhooks.spring.boot.autoconfigure.testing;
