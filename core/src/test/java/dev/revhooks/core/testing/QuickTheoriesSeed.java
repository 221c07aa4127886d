package dev.revhooks.core.testing;

import java.security.SecureRandom;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run one QuickTheories seed and prints it, so any property failure can be
 * replayed. QuickTheories reads the system property {@value #PROPERTY} each time a property starts
 * ({@code qt()}); without it, it seeds each property from the clock and a failure cannot be
 * reproduced. This listener, registered through {@code META-INF/services} in core's test jar (and
 * so active in every module whose tests use it), keeps a seed given on the command line, or draws
 * a random one, sets it for the whole run and prints it first:
 *
 * <pre>{@code
 * QuickTheories seed 4711 (given); replay one property with -DQT_SEED=4711 -Dtest='Class#method'
 * }</pre>
 *
 * <p>Replay: {@code mvn -B -ntp -pl revont -am verify -DskipPitest -DQT_SEED=4711
 * -Dtest='RevontPropertiesTest#tamperedBodiesAreRejected' -Dsurefire.failIfNoSpecifiedTests=false}.
 * Every property of a run starts from the same seed, so one property replays alone exactly as it
 * ran among the others.
 */
public final class QuickTheoriesSeed implements LauncherSessionListener {

    /** The system property QuickTheories takes its seed from. */
    public static final String PROPERTY = "QT_SEED";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String given = System.getProperty(PROPERTY);
        long seed;
        String origin;
        try {
            seed = given == null ? new SecureRandom().nextLong() : Long.parseLong(given.strip());
            origin = given == null ? "random" : "given";
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must be a whole number, was \"" + given + "\"", e);
        }
        System.setProperty(PROPERTY, Long.toString(seed));
        System.out.println("QuickTheories seed " + seed + " (" + origin + "); replay one property with -D" + PROPERTY
                + "=" + seed + " -Dtest='Class#method'");
    }
}
