/**
 * The seed's roaming calls in Java for a signed-in end user: the JDK's HttpClient and Jackson
 * only, no Spring (ArchitectureTest keeps it so). See docs/client.md.
 */
@NullMarked
package io.roamdesk.client;

import org.jspecify.annotations.NullMarked;
