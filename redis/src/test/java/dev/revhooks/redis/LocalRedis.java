package dev.revhooks.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) on a free loopback
 * port, started and stopped by the tests. Without the binary the tests fail with a message
 * saying how to get it, never skip.
 */
final class LocalRedis implements AutoCloseable {

    private static final Duration START_BOUND = Duration.ofSeconds(30);

    private final int port;
    private final Path directory;
    private final boolean durable;
    private Process process;

    private LocalRedis(int port, Path directory, boolean durable) {
        this.port = port;
        this.directory = directory;
        this.durable = durable;
    }

    /** Without persistence ({@code --save '' --appendonly no}): a restart forgets everything. */
    static LocalRedis start() {
        return start(false);
    }

    /**
     * With {@code durable}, an append-only file written with {@code appendfsync always} in a temporary
     * directory: a killed and restarted server has every write it acknowledged.
     */
    static LocalRedis start(boolean durable) {
        try {
            LocalRedis redis = new LocalRedis(freePort(), Files.createTempDirectory("revhooks-redis"), durable);
            redis.launch();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** A client whose commands fail within a second and are refused while disconnected, so an outage shows at once. */
    RedisClient client() {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(1)).build());
        client.setOptions(ClientOptions.builder().disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build());
        return client;
    }

    /** Kills the server (SIGKILL): no shutdown, no last save. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the server again on the same port and directory. */
    void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void launch() {
        String binary = findBinary();
        List<String> command = new ArrayList<>(List.of(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--dir", directory.toString(), "--daemonize", "no", "--protected-mode", "yes"));
        if (durable) {
            command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
        } else {
            command.addAll(List.of("--appendonly", "no"));
        }
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + START_BOUND.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + directory.resolve("redis.log"));
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(1_000);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[7];
            int read = socket.getInputStream().read(answer);
            return read > 0 && new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String findBinary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String path : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
            if (new File(path).canExecute()) {
                return path;
            }
        }
        throw new IllegalStateException("redis-server is not installed: these tests need a real Redis. "
                + "Install it with `apt-get install -y redis-server` (Debian/Ubuntu; .ci/run does this) or put redis-server on the PATH.");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
