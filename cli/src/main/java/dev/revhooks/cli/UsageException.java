package dev.revhooks.cli;

/**
 * The command was called wrongly (an option, a file or the environment variable): exit code 2.
 * Messages name options, files and variables, never a value that could be the secret.
 *
 * <pre>{@code
 * throw new UsageException("--vendor is required");
 * }</pre>
 */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to call the command instead
     */
    UsageException(String message) {
        super(message);
    }
}
