package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * How {@link OpenEnum} builds its per-type lookup (wire name to constant, and the {@code UNKNOWN}
 * constant). The lookup is cached for the life of the enum class, so each test reads a copy of
 * an enum class loaded just for it: only a class that was never looked up shows how the lookup is
 * built, and not merely that an earlier one was cached.
 */
class OpenEnumLookupMutationTest {

    enum Tone implements WireValue {
        LOW("low"), HIGH("HIGH"), UNKNOWN(null);

        private final String wire;

        Tone(String wire) {
            this.wire = wire;
        }

        @Override
        public String wireName() {
            return wire;
        }
    }

    enum Closed implements WireValue {
        ONLY;

        @Override
        public String wireName() {
            return "only";
        }
    }

    @Test
    void documentedWireNamesFindTheirConstant() throws Exception {
        Class<?> tone = freshCopyOf(Tone.class);
        assertThat(read(tone, "low").value().name()).isEqualTo("LOW");
        assertThat(read(tone, "HIGH").value().name()).isEqualTo("HIGH");
        assertThat(read(tone, "low").isKnown()).isTrue();
    }

    @Test
    void anyOtherTextFindsTheUnknownConstant() throws Exception {
        Class<?> tone = freshCopyOf(Tone.class);
        OpenEnum<?> other = read(tone, "LOW");
        assertThat(other.value().name()).isEqualTo("UNKNOWN");
        assertThat(other.wire()).isEqualTo("LOW");
    }

    @Test
    void anEnumWithoutAnUnknownConstantIsRefusedForTextItDoesNotList() throws Exception {
        Class<?> closed = freshCopyOf(Closed.class);
        assertThat(read(closed, "only").value().name()).isEqualTo("ONLY");
        assertThatIllegalArgumentException().isThrownBy(() -> read(closed, "other"))
                .withMessage(closed.getName() + " has no UNKNOWN constant (one whose wireName() is null)");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OpenEnum<?> read(Class<?> type, String wire) {
        return OpenEnum.of((Class) type, wire);
    }

    /** The same enum class, defined again by a new class loader: a class {@link OpenEnum} has never seen. */
    private static Class<?> freshCopyOf(Class<?> type) throws IOException, ClassNotFoundException {
        String file = type.getName().substring(type.getPackageName().length() + 1) + ".class";
        byte[] bytes;
        try (InputStream in = type.getResourceAsStream(file)) {
            bytes = in.readAllBytes();
        }
        ClassLoader loader = new ClassLoader(type.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (!name.equals(type.getName())) {
                    return super.loadClass(name, resolve);
                }
                synchronized (getClassLoadingLock(name)) {
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                }
            }
        };
        Class<?> copy = loader.loadClass(type.getName());
        assertThat(copy).isNotSameAs(type);
        return copy;
    }
}
