/**
 * The {@code revhooks verify} command ({@link dev.revhooks.cli.VerifyCommand}): checks a captured
 * delivery with the vendor modules' own receivers and explains a rejection.
 *
 * <pre>{@code
 * java -jar revhooks-cli.jar verify --vendor revrag --headers headers.txt --body body.json \
 *     --at 2026-05-27T03:06:15Z
 * }</pre>
 *
 * <h2>How a rejection is explained</h2>
 * Each {@link dev.revhooks.cli.Diagnosis} family turns one usual mistake back into a
 * {@link dev.revhooks.cli.Candidate} (a changed body, key, header or vendor) and asks the vendor's
 * real receiver whether it passes. Nothing is signed or compared by this package, so no expected
 * signature exists to be printed. Families: {@link dev.revhooks.cli.SecretFormDiagnosis},
 * {@link dev.revhooks.cli.BodyEncodingDiagnosis}, {@link dev.revhooks.cli.HeaderPlacementDiagnosis},
 * {@link dev.revhooks.cli.VendorMixUpDiagnosis}; RevRag's time window is explained by
 * {@link dev.revhooks.cli.TimestampWindow}.
 *
 * <h2>Decisions where the issue is silent</h2>
 * <ul>
 *   <li><b>Output</b>: the report goes to standard error, the event JSON alone to standard output,
 *       so {@code revhooks verify ... | jq} works; the verdict is also the exit code.</li>
 *   <li><b>Exit codes</b>: an authentic body that does not parse is still authentic (0, with the
 *       payload error in the report): the exit code answers "does it authenticate". A rejection that
 *       the diagnosis explains is still a rejection (1): the request fails as configured. A bug is
 *       3, so that it is never mistaken for a rejection.</li>
 *   <li><b>The secret as given</b>: the check uses the variable's value exactly, white space
 *       included ({@code Secret.ofBytes}), so the verdict is the one a receiver with that value
 *       would give; stray white space is reported up front and tried without.</li>
 *   <li><b>One mistake at a time</b>: candidates undo one mistake each (with the one exception that
 *       the {@code whsec_} forms are derived from the secret without its white space); two at once
 *       are reported as "no usual mistake explains it", with what was tried.</li>
 *   <li><b>Strict options</b>: {@code --at} applies to revrag only and {@code --event-type} to revdesk
 *       (required) and revring; anything else is a usage error. Messages never echo an argument's
 *       value.</li>
 *   <li><b>RevDesk</b>: the receiver accepts signed deliveries only, as a receiver with a secret
 *       does by default; an unsigned type is reported as {@code UNSIGNED_DELIVERY_NOT_ALLOWED}.</li>
 * </ul>
 */
package dev.revhooks.cli;
