package io.roamdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The benchmark's HTTP client: blocking HTTP/1.1 on kept-alive connections (HttpURLConnection).
 * It runs the whole exchange on the calling thread; java.net.http's client hands each exchange to
 * selector and executor threads, which on two shared cores added ≈ 0.4 ms to p50 and several ms to
 * p99 of every measured request (measured against wrk on the same endpoint).
 */
final class BenchHttp {

    record Response(int status, String body) {
    }

    private BenchHttp() {
    }

    static Response call(String method, String url, Map<String, String> headers, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            c.setFixedLengthStreamingMode(bytes.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(bytes);
            }
        }
        int status = c.getResponseCode();
        // reading the body to its end and closing the stream returns the connection to the keep-alive cache
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
