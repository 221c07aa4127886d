package dev.revhooks.revring;

import static dev.revhooks.revring.Fixtures.KEY_VALUE;
import static dev.revhooks.revring.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revhooks.core.json.WebhookJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming pass reads every documented body, and one with an undocumented field, itself (the
 * tree path is only its fallback); the value semantics of a pre-call answer; the signer's redacted
 * description.
 */
class RevRingMutationTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.DOCUMENT_EXAMPLE, Fixtures.COMPLETED, Fixtures.FAILED, Fixtures.PRE_CALL,
        Fixtures.PRE_CALL_DIALED_AGENT})
    void theStreamingPassReadsEachDocumentedBody(String name) throws Exception {
        byte[] body = resource(name);
        RevRingEvent streamed = StreamedBody.read(WebhookJson.shared(), body);
        assertThat(streamed).isNotNull().isEqualTo(Fixtures.receiver().parse(Fixtures.keyed(body)));
    }

    @Test
    void theStreamingPassSkipsUndocumentedFields() throws Exception {
        ObjectNode tree = Fixtures.tree(Fixtures.COMPLETED);
        tree.putObject("undocumented").putArray("nested").add(1);
        byte[] body = Fixtures.json(tree);
        RevRingEvent streamed = StreamedBody.read(WebhookJson.shared(), body);
        assertThat(streamed).isNotNull().isEqualTo(Fixtures.receiver().parse(Fixtures.keyed(resource(Fixtures.COMPLETED))));
    }

    @Test
    void answersAreEqualExactlyWhenTheirVariablesAre() {
        PreCallAnswer vip = PreCallAnswer.builder().variable("tier", "vip").build();
        PreCallAnswer sameVip = PreCallAnswer.builder().variable("tier", "vip").build();
        PreCallAnswer basic = PreCallAnswer.builder().variable("tier", "basic").build();
        assertThat(vip).isEqualTo(sameVip).hasSameHashCodeAs(sameVip).isNotEqualTo(basic).isNotEqualTo(PreCallAnswer.empty());
        assertThat(vip.hashCode()).isEqualTo(vip.variables().hashCode()).isNotEqualTo(basic.hashCode());
        assertThat(vip).isNotEqualTo("PreCallAnswer{tier=vip}");
    }

    @Test
    void theSignerDescribesItsKeyWithoutShowingIt() {
        assertThat(Fixtures.SIGNER).hasToString("RevRingSigner[Secret[id=current, value=<redacted>]]");
        assertThat(Fixtures.SIGNER.toString()).doesNotContain(KEY_VALUE);
    }
}
