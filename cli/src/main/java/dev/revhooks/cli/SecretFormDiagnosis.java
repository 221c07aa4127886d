package dev.revhooks.cli;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The secret was used in another form than the one the vendor signs with: with stray white space,
 * without (or with) its {@code whsec_} prefix, or base64-decoded after that prefix, as the
 * Standard Webhooks convention does. It tries the request as captured with each of those keys.
 *
 * <pre>{@code
 * List<Candidate> candidates = new SecretFormDiagnosis().candidates(check);
 * }</pre>
 *
 * <p>Only for a signature (or key) mismatch. The {@code whsec_} forms only for vendors whose HMAC
 * key is the secret's text; RevRing's key is compared as sent, so only white space applies there.
 */
final class SecretFormDiagnosis implements Diagnosis {

    /** The prefix Revont's secrets carry (and other senders' too); part of the key as shown. */
    static final String WHSEC_PREFIX = "whsec_";

    @Override
    public String tried() {
        return "the usual other forms of the secret (without stray white space, with or without its whsec_ prefix,"
                + " base64-decoded after that prefix)";
    }

    @Override
    public List<Candidate> candidates(FailedCheck check) {
        if (check.reason() != FailureReason.SIGNATURE_MISMATCH) {
            return List.of();
        }
        SecretValue secret = check.secret();
        String variable = secret.variable();
        String vendor = check.vendor().displayName();
        List<Candidate> candidates = new ArrayList<>();
        if (secret.hasSurroundingWhiteSpace()) {
            candidates.add(check.candidate(secret.stripped(), check.request(), "Secret white space: the "
                    + check.vendor().credentialNoun() + " matches " + variable + " once its stray white space ("
                    + secret.describeWhiteSpace() + ") is removed. The variable holds stray white space (a line break"
                    + " from echo or a secrets file is the usual one); revhooks' Secret.of refuses such a value, because"
                    + " no vendor's secret has any. Set " + variable + " without it, and configure your receiver the same way."));
        }
        if (!check.vendor().signsBody()) {
            return candidates;
        }
        String alsoWhiteSpace = secret.hasSurroundingWhiteSpace() ? " (and without its stray white space)" : "";
        if (secret.startsWith(WHSEC_PREFIX)) {
            secret.withoutPrefix(WHSEC_PREFIX).ifPresent(key -> candidates.add(check.candidate(key, check.request(),
                    "whsec_ prefix: the signature was made with " + variable + " without its whsec_ prefix"
                            + alsoWhiteSpace + ". " + vendor + " keys the HMAC with the secret exactly as shown,"
                            + " prefix included, and so do revhooks' receivers: either " + variable + " has a prefix"
                            + " the real secret lacks, or whatever signed this request stripped it.")));
            String decoded = "whsec_ secret decoded: the signature was made with the bytes that the part of " + variable
                    + " after whsec_ base64-decodes to" + alsoWhiteSpace + " (the Standard Webhooks / Svix convention),"
                    + " not with the secret as shown. " + vendor + " keys the HMAC with the secret's own characters,"
                    + " prefix included: whatever signed this request treated the secret as a Standard Webhooks one.";
            List<Secret> decodedKeys = new ArrayList<>(2);
            for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                Optional<Secret> key = secret.base64DecodedAfter(WHSEC_PREFIX, decoder);
                if (key.isPresent() && decodedKeys.stream().noneMatch(k -> Arrays.equals(k.bytes(), key.get().bytes()))) {
                    decodedKeys.add(key.get());
                    candidates.add(check.candidate(key.get(), check.request(), decoded));
                }
            }
        } else {
            candidates.add(check.candidate(secret.withPrefix(WHSEC_PREFIX), check.request(), "whsec_ prefix: the"
                    + " signature matches whsec_ followed by " + variable + alsoWhiteSpace + ": the variable holds the"
                    + " secret stripped of its whsec_ prefix. " + vendor + " signs with the whole secret as shown: set "
                    + variable + " (and your receiver's secret) to the full value, prefix included."));
        }
        return candidates;
    }
}
