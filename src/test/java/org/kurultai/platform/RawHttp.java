package org.kurultai.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Test support: HTTP/1.1 requests written byte for byte, so that a request target may be malformed
 * (bad percent-encoding, bytes that are not UTF-8) as no well-behaved client would send it.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	/** The server closed the connection before the whole request was sent, and its answer was lost with it. */
	static final int CLOSED_EARLY = -1;

	record Response(int status, String contentType, String body) {
	}

	/** Sends the request target exactly as given (it must not hold spaces or line breaks). */
	Response send(String method, String target, @Nullable String bearer, @Nullable String contentType, @Nullable String body,
			String accept) {
		var request = new StringBuilder();
		request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		request.append("Host: localhost:").append(port).append("\r\n");
		request.append("Accept: ").append(accept).append("\r\n");
		request.append("Connection: close\r\n");
		if (bearer != null) {
			request.append("Authorization: Bearer ").append(bearer).append("\r\n");
		}
		var payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		if (contentType != null) {
			request.append("Content-Type: ").append(contentType).append("\r\n");
		}
		if (body != null || "POST".equals(method)) {
			request.append("Content-Length: ").append(payload.length).append("\r\n");
		}
		request.append("\r\n");
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			var out = socket.getOutputStream();
			try {
				out.write(request.toString().getBytes(StandardCharsets.UTF_8));
				out.write(payload);
				out.flush();
			}
			catch (IOException answeredEarly) {
				// the server may answer (413, 400) and close before it has read all we send: read its answer,
				// which the reset of the connection may have swallowed
				try {
					return read(socket.getInputStream());
				}
				catch (IOException swallowed) {
					return new Response(CLOSED_EARLY, "", "");
				}
			}
			return read(socket.getInputStream());
		}
		catch (IOException e) {
			throw new UncheckedIOException(method + " " + target + ": " + e.getMessage(), e);
		}
	}

	private static Response read(InputStream in) throws IOException {
		var all = in.readAllBytes();
		int headerEnd = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
		if (headerEnd < 0) {
			throw new IOException("no complete response head: " + new String(all, StandardCharsets.ISO_8859_1));
		}
		var head = new String(all, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(head[0].split(" ")[1]);
		String contentType = "";
		boolean chunked = false;
		for (int i = 1; i < head.length; i++) {
			var line = head[i].toLowerCase(Locale.ROOT);
			if (line.startsWith("content-type:")) {
				contentType = head[i].substring("content-type:".length()).trim();
			}
			if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
				chunked = true;
			}
		}
		int start = headerEnd + 4;
		byte[] body;
		if (chunked) {
			var decoded = new ByteArrayOutputStream();
			int at = start;
			while (at < all.length) {
				int lineEnd = indexOf(all, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
				if (lineEnd < 0) {
					break;
				}
				var sizeText = new String(all, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
				int size = Integer.parseInt(sizeText, 16);
				if (size == 0) {
					break;
				}
				decoded.write(all, lineEnd + 2, Math.min(size, all.length - lineEnd - 2));
				at = lineEnd + 2 + size + 2;
			}
			body = decoded.toByteArray();
		}
		else {
			body = java.util.Arrays.copyOfRange(all, start, all.length);
		}
		return new Response(status, contentType, new String(body, StandardCharsets.UTF_8));
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer:
		for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}
}
