package org.kurultai.fund;

import org.jspecify.annotations.Nullable;

/** What money is for: a project (by its id), a priority area of the Catalogue (by its code), or neither (general). */
public record Earmark(@Nullable Long project, @Nullable String area) {

	public static final Earmark GENERAL = new Earmark(null, null);

	public Earmark {
		if (project != null && area != null) {
			throw new IllegalArgumentException("an earmark is for a project or an area, not both");
		}
	}

	public static Earmark project(long project) {
		return new Earmark(project, null);
	}

	public static Earmark area(String area) {
		return new Earmark(null, area);
	}

	public boolean general() {
		return project == null && area == null;
	}

	@Override
	public String toString() {
		return project != null ? "project:" + project : area != null ? "area:" + area : "general";
	}
}
