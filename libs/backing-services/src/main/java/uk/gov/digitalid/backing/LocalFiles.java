package uk.gov.digitalid.backing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Small file-system and port chores shared by the embedded launchers. */
public final class LocalFiles {

    private LocalFiles() {
    }

    /** Creates the directory, first deleting it and everything under it when {@code wipe} is set. */
    public static Path prepareDirectory(Path dir, boolean wipe) {
        try {
            if (wipe && Files.exists(dir)) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    /** The given port, or a free loopback port when it is 0. */
    public static int portOrFree(int port) {
        if (port != 0) {
            return port;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port", e);
        }
    }

    /** The last lines of a log file, to explain why a server did not start. */
    public static String tail(Path file, int lines) {
        try {
            var all = Files.readAllLines(file);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + file + ")";
        }
    }
}
