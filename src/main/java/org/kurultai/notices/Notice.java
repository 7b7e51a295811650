package org.kurultai.notices;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One notice to one person, in their language as it was when written: what happened ({@code title}, {@code body}),
 * where to look ({@code url}, a path of Kurultai), when, and whether they have read it.
 */
public record Notice(long id, NoticeKind kind, String title, String body, String url, Instant createdAt, @Nullable Instant readAt,
		Delivery delivery) {

	public boolean read() {
		return readAt != null;
	}
}
