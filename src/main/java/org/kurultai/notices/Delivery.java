package org.kurultai.notices;

import org.jspecify.annotations.Nullable;

/** How a person is told of a kind of event. Every notice is listed in-app at once, whatever the choice. */
public enum Delivery {
	/** A mail at once. */
	IMMEDIATE,
	/** One mail a day listing the day's notices (the daily digest). */
	DAILY,
	/** No mail: the notice is only listed in-app ({@code /notifications}). */
	OFF;

	static @Nullable Delivery named(String name) {
		for (var delivery : values()) {
			if (delivery.name().equals(name)) {
				return delivery;
			}
		}
		return null;
	}
}
