package dev.anneal.cli.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578), which {@code java.net.http} does not build
 * itself. The file is streamed from disk rather than read into memory: datasets may be large.
 */
final class MultipartBody {

    private final String boundary;
    private final List<HttpRequest.BodyPublisher> parts;

    private MultipartBody(String boundary, List<HttpRequest.BodyPublisher> parts) {
        this.boundary = boundary;
        this.parts = parts;
    }

    static MultipartBody of(String filePart, Path file, Map<String, String> fields) {
        String boundary = "anneal-" + UUID.randomUUID();
        List<HttpRequest.BodyPublisher> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(quote(name))
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(quote(filePart))
                .append("\"; filename=\"")
                .append(quote(file.getFileName().toString()))
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        parts.add(HttpRequest.BodyPublishers.ofByteArray(utf8(head.toString())));
        try {
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        parts.add(HttpRequest.BodyPublishers.ofByteArray(utf8("\r\n--" + boundary + "--\r\n")));
        return new MultipartBody(boundary, parts);
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        return HttpRequest.BodyPublishers.concat(parts.toArray(HttpRequest.BodyPublisher[]::new));
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\")
                .replace("\"", "\\\"")
                .replace("\r", "")
                .replace("\n", "");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
