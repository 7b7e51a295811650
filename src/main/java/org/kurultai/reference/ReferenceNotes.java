package org.kurultai.reference;

import java.util.List;

import org.kurultai.reference.ReferenceFiles.ContradictionsFile;
import org.kurultai.reference.ReferenceFiles.CountsFile;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What the reference dataset says about its own sources: where they contradict each other and
 * which choice the data makes, and the counts the sources attest (to compare with derived counts).
 * Read from the dataset when first asked, once: a restart does not parse YAML for a page nobody has opened yet.
 */
@Component
public class ReferenceNotes {

	private final SingletonSupplier<Notes> notes;

	ReferenceNotes(ReferenceDataProperties properties) {
		this.notes = SingletonSupplier.of(() -> read(properties));
	}

	private static Notes read(ReferenceDataProperties properties) {
		if (!properties.enabled()) {
			return new Notes(List.of(), List.of());
		}
		var dataset = new ReferenceDataset(properties.dataset());
		return new Notes(
				dataset.has("contradictions.yaml")
						? List.copyOf(dataset.read("contradictions.yaml", ContradictionsFile.class).contradictions()) : List.of(),
				dataset.has("attested-counts.yaml") ? List.copyOf(dataset.read("attested-counts.yaml", CountsFile.class).counts()) : List.of());
	}

	public List<Contradiction> contradictions() {
		return notes.obtain().contradictions();
	}

	public List<AttestedCount> attestedCounts() {
		return notes.obtain().attestedCounts();
	}

	private record Notes(List<Contradiction> contradictions, List<AttestedCount> attestedCounts) {
	}
}
