/**
 * Support for the vendor modules' management API clients (the clients that register webhook
 * endpoints): the builder every such client hands out, {@link dev.revhooks.core.api.ApiClientBuilder};
 * the HTTP and JSON plumbing they share, {@link dev.revhooks.core.api.ApiTransport} and
 * {@link dev.revhooks.core.api.ApiArguments}; and the one exception every such client throws,
 * {@link dev.revhooks.core.api.ManagementApiException}. Users meet the builder and the exception;
 * the other types are public because the clients live in other packages.
 *
 * <pre>{@code
 * try {
 *     api.delete(endpointId);                 // any vendor module's API client
 * } catch (ManagementApiException e) {
 *     log.warn("{} (status {})", e.getMessage(), e.statusCode());
 * }
 * }</pre>
 *
 * <h2>Decisions, for every vendor's client</h2>
 * <ul>
 *   <li><b>Statuses.</b> Only a call's documented success statuses count. Anything else, another
 *       2xx or a redirect included (redirects are not followed), is {@code UNEXPECTED_STATUS} with
 *       the status and a bounded, redacted excerpt of the body (behind
 *       {@code ManagementApiException.bodyExcerpt()}, never in the message), since an undocumented
 *       answer cannot be trusted to mean what the client assumes.</li>
 *   <li><b>No retries.</b> No call is retried. When a call that may have taken effect fails other
 *       than with a 4xx (no answer, a 5xx, a 2xx that does not read), the message says what the
 *       caller should check.</li>
 *   <li><b>Secrets in answers.</b> An answer that may hold a signing secret is never quoted in an
 *       exception, nor is a parser's message about it.</li>
 *   <li><b>Answers are read strictly</b> with the shared JSON set-up; at most 8 MiB of an answer is
 *       read, and a larger one is {@code MALFORMED_RESPONSE}.</li>
 *   <li><b>Base URI.</b> {@code https} only, except {@code http} for the hosts {@code localhost} and
 *       {@code 127.0.0.1} so tests can run a local server; no user info, query or fragment; trailing
 *       slashes ignored.</li>
 *   <li><b>Timeouts.</b> Connect 10 s and request 30 s by default, each positive and at most one
 *       hour; the request timeout bounds the whole call, reading the answer included.</li>
 *   <li><b>Nothing quoted from an answer shows a credential.</b> Exception messages never quote an
 *       answer's body (apps log messages). What is quoted at all (the excerpt, a parser's complaint,
 *       a network error) has every run of 8 or more characters of the API key, in any case, the
 *       path and query of every URL, and the URLs the call sent (a webhook URL's path token,
 *       wherever echoed, alone too) replaced by {@code <redacted>}; excerpts are one line of at
 *       most 512 characters. The API key must be visible ASCII (it is sent in a header).</li>
 *   <li><b>Caller arguments</b> are checked before anything is sent; a webhook URL must be an
 *       absolute {@code https://} URL with a host, and messages never echo it (it may hold a secret
 *       path token). Ids are sent percent-encoded as one path segment ({@code .} and {@code ..}
 *       refused).</li>
 * </ul>
 */
package dev.revhooks.core.api;
