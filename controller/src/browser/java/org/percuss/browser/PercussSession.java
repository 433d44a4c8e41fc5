package org.percuss.browser;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code percuss run --web ...} as its own process, on the simulator at a high time scale, as a
 * user starts it: the address it prints, its output kept (and copied to target/browser), and a
 * small HTTP client for the API beside the browser.
 */
final class PercussSession implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("^web: (http://\\S+?/)(#token=([A-Za-z0-9_-]+))?(\\s.*)?$");

    private final Process process;
    private final List<String> out = new ArrayList<>();
    final String url;
    final String token;
    final int port;

    private PercussSession(Process process, String url, String token, List<String> seen, BufferedReader lines) {
        this.process = process;
        this.url = url;
        this.token = token;
        this.port = URI.create(url).getPort();
        out.addAll(seen);
        Thread t = new Thread(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (out) {
                        out.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "percuss-output");
        t.setDaemon(true);
        t.start();
    }

    /** Starts {@code percuss args} with {@code env} added, and waits for the page's address. */
    static PercussSession start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "org.percuss.controller.cli.Percuss"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = lines.readLine()) != null) {
            seen.add(line);
            Matcher m = URL.matcher(line);
            if (m.matches()) {
                String url = m.group(1).replace("0.0.0.0", "127.0.0.1");
                if (!url.startsWith("http://127.0.0.1:")) {
                    // 0.0.0.0 shows this machine's address: reach it on loopback all the same
                    url = "http://127.0.0.1:" + URI.create(url).getPort() + "/";
                }
                return new PercussSession(p, url, m.group(3), seen, lines);
            }
        }
        throw new AssertionError("percuss ended without printing its page's address:\n" + String.join("\n", seen));
    }

    /** What percuss printed so far. */
    String output() {
        synchronized (out) {
            return String.join("\n", out);
        }
    }

    /**
     * A client of its own for each request, as a script's {@code curl} is: a pooled keep-alive
     * connection that the server has closed meanwhile (around the session's end) would otherwise
     * fail the next request with "header parser received no bytes", a race of the client's pool,
     * not of percuss.
     */
    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url).resolve(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url).resolve(path))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url).resolve(path)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Waits at most {@code limit} for the process to end; its exit code. */
    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("percuss did not end within " + limit + ":\n" + output());
        }
        return process.exitValue();
    }

    /** Keeps the output beside the other artifacts. */
    void saveOutput(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, output() + "\n");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
