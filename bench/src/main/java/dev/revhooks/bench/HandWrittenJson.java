package dev.revhooks.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The mappers of the baselines: a shared strict one (the hand-written limit) and a default one (naive). */
final class HandWrittenJson {

    /** Shared, configured as strictly as ours: duplicate keys rejected, unknown fields ignored, java.time. */
    static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** What a naive verifier uses: a default mapper and tree parsing. */
    static final ObjectMapper NAIVE = new ObjectMapper();

    private HandWrittenJson() {
    }
}
