package org.kurultai.shared;

/**
 * The versions of the areas of the record (the data versions: {@code data_version}, V36), as the modules below the
 * platform see them to key a {@link Snapshot}: the registry may depend on nothing but this kernel, so it asks through
 * this interface, implemented by {@code platform.DataVersions}.
 */
public interface AreaVersions {

	/** Whether the current thread may fill a cache from what it reads: never inside a read-write transaction. */
	boolean cacheable();

	/** The current version of an area of the record, by its name ({@code REGISTRY}, {@code ORGANS}, {@code CBM}, …). */
	long version(String area);
}
