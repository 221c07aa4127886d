/**
 * The runnable demo: {@link dev.revhooks.demo.Demo} starts a receiver for all four vendors
 * (embedded Jetty 12 with the servlet module's {@code WebhookFilter}) on 127.0.0.1 and sends it
 * the vendor documents' sample deliveries and forged ones over HTTP, or, with {@code --serve},
 * keeps it running for your own. An application, not a library: everything but {@code Demo} is
 * package-private.
 */
package dev.revhooks.demo;
