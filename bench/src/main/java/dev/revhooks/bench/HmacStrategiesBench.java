package dev.revhooks.bench;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Three ways to compute HMAC-SHA256 with the JDK, over the SHA-256 floor of the same message: why
 * core's {@code HmacSha256} absorbs the key's pad blocks on every call. {@code padsAbsorbedPerCall}
 * is core's construction (the pad blocks computed once, fed on every call to the thread's digests:
 * n + 3 compressions, nothing allocated); {@code precomputedPads} absorbs them once and starts each
 * MAC from clones of the absorbed digests (n + 1 compressions, two clones, which is the only way
 * the JDK restores a digest's state); {@code mac} is the thread's initialised
 * {@code javax.crypto.Mac} (n + 3, with Mac's dispatch and a 32-byte array per MAC). All write into
 * a reused buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(3)
public class HmacStrategiesBench {

    private static final byte[] KEY = "whsec_4f8a2b1c9d3e7f6a0b5c8d2e1f4a7b3c".getBytes(StandardCharsets.UTF_8);

    @Param({"1024", "1048576"})
    public int size;

    private byte[] message;
    private final byte[] innerPad = new byte[64];
    private final byte[] outerPad = new byte[64];
    private MessageDigest absorbedInner;
    private MessageDigest absorbedOuter;
    private MessageDigest inner;
    private MessageDigest outer;
    private MessageDigest floor;
    private Mac mac;
    private final byte[] innerHash = new byte[32];
    private final byte[] out = new byte[32];

    @Setup
    public void setUp() throws Exception {
        message = Payloads.padded("{", "}", size);
        for (int i = 0; i < 64; i++) {
            byte k = i < KEY.length ? KEY[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        absorbedInner = MessageDigest.getInstance("SHA-256");
        absorbedInner.update(innerPad);
        absorbedOuter = MessageDigest.getInstance("SHA-256");
        absorbedOuter.update(outerPad);
        inner = MessageDigest.getInstance("SHA-256");
        outer = MessageDigest.getInstance("SHA-256");
        floor = MessageDigest.getInstance("SHA-256");
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        byte[] expected = mac.doFinal(message);
        if (!MessageDigest.isEqual(precomputedPads().clone(), expected)
                || !MessageDigest.isEqual(padsAbsorbedPerCall().clone(), expected)) {
            throw new IllegalStateException("the strategies disagree with Mac");
        }
    }

    @Benchmark
    public byte[] floor() throws DigestException {
        floor.update(message);
        floor.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] precomputedPads() throws DigestException, CloneNotSupportedException {
        MessageDigest in = (MessageDigest) absorbedInner.clone();
        in.update(message);
        in.digest(innerHash, 0, 32);
        MessageDigest o = (MessageDigest) absorbedOuter.clone();
        o.update(innerHash);
        o.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] padsAbsorbedPerCall() throws DigestException {
        inner.update(innerPad);
        inner.update(message);
        inner.digest(innerHash, 0, 32);
        outer.update(outerPad);
        outer.update(innerHash);
        outer.digest(out, 0, 32);
        return out;
    }

    @Benchmark
    public byte[] mac() throws ShortBufferException {
        mac.update(message);
        mac.doFinal(out, 0);
        return out;
    }
}
