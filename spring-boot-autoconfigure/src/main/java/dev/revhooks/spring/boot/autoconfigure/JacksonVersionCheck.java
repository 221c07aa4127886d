package dev.revhooks.spring.boot.autoconfigure;

import com.fasterxml.jackson.core.Version;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Warns at startup when the app runs an older Jackson 2 than the library supports: Spring Boot's
 * dependency management brings its own (2.21.4 on Boot 4.0.7, 2.19.2 on 3.5.7), and before 2.23
 * Jackson accepts overlong UTF-8 sequences, and some invalid ones in strings it skips, that the
 * library's JSON set-up refuses on 2.23.
 */
final class JacksonVersionCheck {

    /** The lowest Jackson 2 on which every JSON strictness test of the library passes. */
    static final Version LOWEST_SUPPORTED = new Version(2, 23, 0, null, "com.fasterxml.jackson.core", "jackson-databind");

    private static final Log LOG = LogFactory.getLog(JacksonVersionCheck.class);

    private JacksonVersionCheck() {
    }

    static void warnIfOlder() {
        String warning = warning(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
        if (warning != null) {
            LOG.warn(warning);
        }
    }

    /**
     * The warning for a running Jackson, or null when it is supported.
     *
     * @param running the running jackson-databind's version
     */
    static String warning(Version running) {
        // Version.compareTo looks at group and artifact first; only the numbers count here.
        int[] have = {running.getMajorVersion(), running.getMinorVersion(), running.getPatchLevel()};
        int[] need = {LOWEST_SUPPORTED.getMajorVersion(), LOWEST_SUPPORTED.getMinorVersion(), LOWEST_SUPPORTED.getPatchLevel()};
        if (java.util.Arrays.compare(have, need) >= 0) {
            return null;
        }
        return "revhooks runs on Jackson " + running + ", older than " + LOWEST_SUPPORTED
                + ", the lowest it supports: overlong or invalid UTF-8 in an authentic body may be accepted."
                + " Pin Jackson: import com.fasterxml.jackson:jackson-bom:" + LOWEST_SUPPORTED
                + " before Spring Boot's BOM (or set the jackson-bom.version property with Boot's parent).";
    }
}
