package dev.revhooks.cli;

import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The signature or key was sent in the wrong header: it tries the value of every other header (in
 * the vendor's format: with a {@code sha256=} label or {@code Bearer} scheme removed, or with
 * Revont's {@code sha256=} label added) in the header the vendor's receiver reads, and each value
 * of that header alone when it was sent more than once.
 *
 * <pre>{@code
 * List<Candidate> candidates = new HeaderPlacementDiagnosis().candidates(check);
 * }</pre>
 *
 * <p>Explanations name headers, never their values (RevRing's key is a header value).
 */
final class HeaderPlacementDiagnosis implements Diagnosis {

    private static final String SHA256_LABEL = "sha256=";
    private static final String BEARER = "Bearer ";
    private static final String[] ORDINALS = {"first", "second", "third"};

    @Override
    public String tried() {
        return "the signature or key taken from each other header, and each value of a repeated header alone";
    }

    @Override
    public List<Candidate> candidates(FailedCheck check) {
        if (!check.credentialNotAccepted()) {
            return List.of();
        }
        Vendor vendor = check.vendor();
        String expected = vendor.credentialHeader();
        String noun = vendor.credentialNoun();
        WebhookHeaders headers = check.request().headers();
        Secret key = check.secret().asGiven();
        List<Candidate> candidates = new ArrayList<>();
        List<String> repeated = headers.all(expected);
        if (repeated.size() > 1) {
            for (int i = 0; i < repeated.size(); i++) {
                candidates.add(check.candidate(key, withCredential(check.request(), expected, repeated.get(i)),
                        "Repeated header: " + expected + " was sent " + repeated.size() + " times, and its "
                                + ordinal(i) + " value alone authenticates. Something on the way (a proxy, a gateway"
                                + " or a client library) added another " + expected + "; receivers refuse a repeated "
                                + noun + " header as ambiguous. Make sure only the sender's header reaches them."));
            }
        }
        Set<String> triedValues = new LinkedHashSet<>();
        for (String name : headers.names()) {
            if (name.equalsIgnoreCase(expected)) {
                continue;
            }
            String owner = Vendor.byCredentialHeader(name)
                    .map(other -> " (" + other.displayName() + "'s " + other.credentialNoun() + " header)")
                    .orElse("");
            for (String value : headers.all(name)) {
                for (Adaptation adaptation : adaptations(vendor, value)) {
                    if (triedValues.add(adaptation.value())) {
                        candidates.add(check.candidate(key, withCredential(check.request(), expected, adaptation.value()),
                                "Wrong header: the " + noun + " is in the " + name + " header" + owner + ", not in "
                                        + expected + adaptation.note() + ". " + vendor.displayName() + " receivers read"
                                        + " only " + expected + ": whatever sent or forwarded this request put it in the"
                                        + " wrong header, or the capture renamed it."));
                    }
                }
            }
        }
        return candidates;
    }

    /** A header value turned into the form the vendor's header carries, and how, in words. */
    private record Adaptation(String value, String note) {
    }

    private static List<Adaptation> adaptations(Vendor vendor, String value) {
        String trimmed = value.strip();
        List<Adaptation> adaptations = new ArrayList<>(2);
        adaptations.add(new Adaptation(trimmed, ""));
        if (trimmed.startsWith(SHA256_LABEL)) {
            adaptations.add(new Adaptation(trimmed.substring(SHA256_LABEL.length()),
                    " (once its \"" + SHA256_LABEL + "\" label is removed)"));
        } else if (vendor == Vendor.REVONT) {
            adaptations.add(new Adaptation(SHA256_LABEL + trimmed, " (once \"" + SHA256_LABEL + "\" is put in front)"));
        }
        if (trimmed.toLowerCase(Locale.ROOT).startsWith(BEARER.toLowerCase(Locale.ROOT))) {
            adaptations.add(new Adaptation(trimmed.substring(BEARER.length()).strip(),
                    " (once its \"" + BEARER.strip() + "\" scheme is removed)"));
        }
        return adaptations;
    }

    /** The request with {@code header} carrying exactly {@code value}, every other header as captured. */
    private static WebhookRequest withCredential(WebhookRequest request, String header, String value) {
        WebhookHeaders.Builder headers = WebhookHeaders.builder();
        for (String name : request.headers().names()) {
            if (!name.equalsIgnoreCase(header)) {
                request.headers().all(name).forEach(v -> headers.add(name, v));
            }
        }
        headers.add(header, value);
        return WebhookRequest.builder(request.body()).headers(headers.build()).build();
    }

    private static String ordinal(int index) {
        return index < ORDINALS.length ? ORDINALS[index] : "#" + (index + 1);
    }
}
