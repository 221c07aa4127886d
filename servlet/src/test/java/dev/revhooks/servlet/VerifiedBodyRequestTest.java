package dev.revhooks.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The downstream body stream reads the verified array in place and hands out copies only. */
class VerifiedBodyRequestTest {

    private static final byte[] BODY = "{\"event\":\"test\",\"n\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsTheBodyByteByByteAndInParts() {
        VerifiedBodyRequest.BodyStream in = new VerifiedBodyRequest.BodyStream(BODY);
        assertThat(in.isReady()).isTrue();
        assertThat(in.read()).isEqualTo('{');
        byte[] part = new byte[8];
        assertThat(in.read(part, 2, 0)).isZero();
        assertThat(in.read(part, 2, 6)).isEqualTo(6);
        assertThat(new String(part, 2, 6, StandardCharsets.UTF_8)).isEqualTo("\"event");
        assertThat(in.available()).isEqualTo(BODY.length - 7);
        assertThat(in.skip(100)).isEqualTo(BODY.length - 7);
        assertThat(in.isFinished()).isTrue();
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(part, 0, 8)).isEqualTo(-1);
        assertThat(in.skip(-5)).isZero();
        assertThatThrownBy(() -> in.read(part, 4, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void readAllBytesAndReadNBytesAreCopiesOfTheRest() {
        VerifiedBodyRequest.BodyStream in = new VerifiedBodyRequest.BodyStream(BODY);
        byte[] head = in.readNBytes(3);
        assertThat(head).containsExactly('{', '"', 'e');
        byte[] rest = in.readAllBytes();
        assertThat(rest).hasSize(BODY.length - 3);
        rest[0] = 'X';
        assertThat(BODY[3]).isEqualTo((byte) 'v');
        assertThat(in.readAllBytes()).isEmpty();
        assertThat(in.readNBytes(10)).isEmpty();
        assertThatThrownBy(() -> in.readNBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transferToWritesTheRestOnce() throws Exception {
        ServletInputStream in = new VerifiedBodyRequest.BodyStream(BODY);
        in.read();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(in.transferTo(out)).isEqualTo(BODY.length - 1L);
        assertThat(out.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(BODY, 1, BODY.length));
        assertThat(in.transferTo(out)).isZero();
    }

    @Test
    void refusesAReadListener() {
        ServletInputStream in = new VerifiedBodyRequest.BodyStream(BODY);
        assertThatThrownBy(() -> in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() {
            }

            @Override
            public void onAllDataRead() {
            }

            @Override
            public void onError(Throwable t) {
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read it synchronously");
    }
}
