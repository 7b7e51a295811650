package org.kurultai.reference;

import java.util.List;

import org.kurultai.reference.ReferenceFiles.ContradictionsFile;
import org.kurultai.reference.ReferenceFiles.CountsFile;
import org.springframework.stereotype.Component;

/**
 * What the reference dataset says about its own sources: where they contradict each other and
 * which choice the data makes, and the counts the sources attest (to compare with derived counts).
 */
@Component
public class ReferenceNotes {

	private final List<Contradiction> contradictions;
	private final List<AttestedCount> attestedCounts;

	ReferenceNotes(ReferenceDataProperties properties) {
		if (properties.enabled()) {
			var dataset = new ReferenceDataset(properties.dataset());
			this.contradictions = dataset.has("contradictions.yaml")
					? List.copyOf(dataset.read("contradictions.yaml", ContradictionsFile.class).contradictions()) : List.of();
			this.attestedCounts = dataset.has("attested-counts.yaml")
					? List.copyOf(dataset.read("attested-counts.yaml", CountsFile.class).counts()) : List.of();
		}
		else {
			this.contradictions = List.of();
			this.attestedCounts = List.of();
		}
	}

	public List<Contradiction> contradictions() {
		return contradictions;
	}

	public List<AttestedCount> attestedCounts() {
		return attestedCounts;
	}
}
